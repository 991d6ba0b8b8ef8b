import type { GroupEntry } from './probe';

/** Parses one `name:password:gid:member,member` line of /etc/group or `getent group`. */
export function parseGroupLine(line: string): GroupEntry | null {
  const fields = line.trim().split(':');
  if (fields.length < 4) return null;
  const [name = '', , gidText = '', memberText = ''] = fields;
  const gid = Number(gidText);
  if (name === '' || gidText === '' || !Number.isInteger(gid)) return null;
  const members = memberText
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');
  return { name, gid, members };
}

/** Finds a group by name in the text of /etc/group; comments and broken lines are skipped. */
export function findGroup(groupFile: string, name: string): GroupEntry | null {
  for (const line of groupFile.split('\n')) {
    if (line.startsWith('#')) continue;
    const entry = parseGroupLine(line);
    if (entry?.name === name) return entry;
  }
  return null;
}

/**
 * - member: this process has the group, so access works now.
 * - reloginNeeded: the group database lists the user but this session started before that, so the
 *   kernel does not know yet (the usual state right after `usermod -aG`).
 */
export type Membership = 'root' | 'member' | 'reloginNeeded' | 'notMember' | 'noGroup';

export interface MembershipFacts {
  uid: number;
  username: string;
  primaryGid: number;
  processGroups: string[];
  group: GroupEntry | null;
  groupName: string;
}

export function decideMembership(facts: MembershipFacts): Membership {
  if (facts.uid === 0) return 'root';
  if (facts.processGroups.includes(facts.groupName)) return 'member';
  if (facts.group === null) return 'noGroup';
  if (facts.group.members.includes(facts.username) || facts.group.gid === facts.primaryGid)
    return 'reloginNeeded';
  return 'notMember';
}
