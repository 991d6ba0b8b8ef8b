import type { CheckContext, CheckDefinition, CheckOutcome } from '../check-kit';
import { joinGroupFix } from '../fixes';
import { decideMembership } from '../groups';
import { isSessionEndpoint } from './libvirt';

interface GroupSpec {
  id: string;
  group: string;
  /** Some hosts grant access without the group (e.g. systemd makes /dev/kvm world-writable). */
  accessWithoutGroup?: (context: CheckContext) => Promise<boolean>;
}

function groupCheck(spec: GroupSpec): CheckDefinition {
  return {
    id: spec.id,
    group: 'permissions',
    statusOnError: 'warn',
    async run(context): Promise<CheckOutcome> {
      const { facts, probe } = context;
      const [user, processGroups, entry] = await Promise.all([
        facts.user(),
        facts.processGroups(),
        probe.lookupGroup(spec.group),
      ]);
      const membership = decideMembership({
        uid: user.uid,
        username: user.username,
        primaryGid: user.gid,
        processGroups,
        group: entry,
        groupName: spec.group,
      });
      const params = { group: spec.group, user: user.username };
      const details = { user: user.username, uid: String(user.uid), groups: processGroups.join(' ') };
      switch (membership) {
        case 'root':
          return { status: 'ok', outcome: 'root', params, details };
        case 'member':
          return { status: 'ok', outcome: 'member', params, details };
        case 'noGroup':
          // The package that needs the group creates it; the engine checks explain what to install.
          return { status: 'info', outcome: 'noGroup', params, details };
        case 'reloginNeeded':
        case 'notMember':
          if (spec.accessWithoutGroup && (await spec.accessWithoutGroup(context).catch(() => false))) {
            return { status: 'ok', outcome: 'notNeeded', params, details };
          }
          if (membership === 'reloginNeeded')
            return { status: 'warn', outcome: 'reloginNeeded', params, details };
          return { status: 'warn', outcome: 'notMember', params, details, fix: joinGroupFix(spec.group) };
      }
    },
  };
}

/**
 * A live connection proves access, e.g. rootless Docker or a polkit rule, so the group is not needed
 * then; libvirt's own session connection does not count, since it is where a refused user lands.
 */
export const dockerGroupCheck = groupCheck({
  id: 'group-docker',
  group: 'docker',
  accessWithoutGroup: async ({ deps }) => deps.docker.status().state === 'up',
});

export const libvirtGroupCheck = groupCheck({
  id: 'group-libvirt',
  group: 'libvirt',
  accessWithoutGroup: async ({ deps }) => {
    const status = deps.libvirt.status();
    return status.state === 'up' && !isSessionEndpoint(status.endpoint);
  },
});

export const kvmGroupCheck = groupCheck({
  id: 'group-kvm',
  group: 'kvm',
  async accessWithoutGroup({ facts }) {
    const device = await facts.kvmDevice();
    return device.readable && device.writable;
  },
});
