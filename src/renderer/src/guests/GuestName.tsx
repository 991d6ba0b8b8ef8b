import { Box, VisuallyHidden } from '@mantine/core';
import { splitRoleSuffix } from '@shared/twin-roles';

/**
 * A guest's name that, when short of room, loses characters from its middle and never its role
 * suffix (-container, -sandbox, -system, -vm): the part that tells twins' guests apart. The full
 * name is the hover title and, in one piece, the text assistive technology reads (the two drawn
 * parts are flex items, which would otherwise be read as two words).
 */
export function GuestName({ name }: { name: string }) {
  const { head, suffix } = splitRoleSuffix(name);
  return (
    <Box component="span" title={name} style={{ display: 'inline-flex', minWidth: 0, maxWidth: '100%' }}>
      <VisuallyHidden>{name}</VisuallyHidden>
      <span
        aria-hidden
        style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}
      >
        {head}
      </span>
      {suffix && (
        <span aria-hidden style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          {suffix}
        </span>
      )}
    </Box>
  );
}
