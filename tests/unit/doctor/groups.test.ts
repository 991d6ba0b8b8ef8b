import { describe, expect, it } from 'vitest';
import {
  decideMembership,
  findGroup,
  parseGroupLine,
  type MembershipFacts,
} from '../../../src/main/lab/doctor/groups';

describe('parseGroupLine', () => {
  it('reads name, gid and members', () => {
    expect(parseGroupLine('docker:x:106:ada,bob\n')).toEqual({
      name: 'docker',
      gid: 106,
      members: ['ada', 'bob'],
    });
  });

  it('reads a group without members', () => {
    expect(parseGroupLine('kvm:x:108:')).toEqual({ name: 'kvm', gid: 108, members: [] });
  });

  it('rejects broken lines', () => {
    expect(parseGroupLine('')).toBeNull();
    expect(parseGroupLine('docker:x')).toBeNull();
    expect(parseGroupLine('docker:x:abc:ada')).toBeNull();
  });
});

describe('findGroup', () => {
  const file = '# local groups\nroot:x:0:\n\nlibvirt:x:107:ada\nbroken\nkvm:x:108:\n';

  it('finds a group among comments and broken lines', () => {
    expect(findGroup(file, 'libvirt')).toEqual({ name: 'libvirt', gid: 107, members: ['ada'] });
    expect(findGroup(file, 'kvm')?.gid).toBe(108);
  });

  it('returns null for a missing group', () => {
    expect(findGroup(file, 'docker')).toBeNull();
  });
});

describe('decideMembership', () => {
  const ada: MembershipFacts = {
    uid: 1000,
    username: 'ada',
    primaryGid: 1000,
    processGroups: ['ada'],
    group: { name: 'docker', gid: 106, members: [] },
    groupName: 'docker',
  };

  it('root needs no group', () => {
    expect(decideMembership({ ...ada, uid: 0, username: 'root', processGroups: ['root'] })).toBe('root');
  });

  it('a group of this process counts as member', () => {
    expect(decideMembership({ ...ada, processGroups: ['ada', 'docker'] })).toBe('member');
  });

  it('listed in the database but not in this session means log in again', () => {
    expect(decideMembership({ ...ada, group: { name: 'docker', gid: 106, members: ['bob', 'ada'] } })).toBe(
      'reloginNeeded',
    );
  });

  it('primary group in the database but not in this session means log in again', () => {
    expect(decideMembership({ ...ada, primaryGid: 106 })).toBe('reloginNeeded');
  });

  it('not listed anywhere is not a member', () => {
    expect(decideMembership(ada)).toBe('notMember');
  });

  it('a group that does not exist is reported as such', () => {
    expect(decideMembership({ ...ada, group: null })).toBe('noGroup');
  });
});
