import { describe, expect, it } from 'vitest';
import type { Guest } from '../../../../src/shared/guest';
import { findTwin, groupByTwin } from '../../../../src/renderer/src/pages/compare/twin-groups';
import { columnLook } from '../../../../src/renderer/src/pages/compare/columns';

function guest(name: string, over: Partial<Guest>): Guest {
  return {
    id: `id-${name}`,
    name,
    kind: 'container',
    engine: 'docker',
    runtime: 'runc',
    state: 'running',
    templateId: 'fixture-twin',
    createdAt: '2026-01-01T10:00:00Z',
    managed: true,
    ...over,
  };
}

const vm = guest('t1-vm', { kind: 'vm', engine: 'libvirt', runtime: 'qemu-tcg', twinId: 'a' });
const sandbox = guest('t1-sandbox', { runtime: 'runsc', twinId: 'a' });
const container = guest('t1-container', { twinId: 'a' });
const newer = guest('t2-container', { twinId: 'b', createdAt: '2026-01-02T10:00:00Z' });
const lone = guest('web', { createdAt: '2026-01-01T09:00:00Z' });
const loneNewer = guest('db', { createdAt: '2026-01-03T09:00:00Z' });
const foreign = guest('theirs', { managed: false });

describe('groupByTwin', () => {
  it('puts a twin’s guests together in column order: container, sandbox, VM', () => {
    const { twins } = groupByTwin([vm, lone, sandbox, container]);
    expect(twins).toHaveLength(1);
    expect(twins[0]?.twinId).toBe('a');
    expect(twins[0]?.templateId).toBe('fixture-twin');
    expect(twins[0]?.guests.map((each) => each.name)).toEqual(['t1-container', 't1-sandbox', 't1-vm']);
  });

  it('orders twins and unpaired guests newest first and leaves out guests Twinlab did not create', () => {
    const grouped = groupByTwin([lone, vm, foreign, newer, loneNewer, container]);
    expect(grouped.twins.map((twin) => twin.twinId)).toEqual(['b', 'a']);
    expect(grouped.unpaired.map((each) => each.name)).toEqual(['db', 'web']);
  });

  it('finds one twin by id, or nothing once its guests are gone', () => {
    expect(findTwin([vm, container], 'a')?.guests).toHaveLength(2);
    expect(findTwin([lone], 'a')).toBeUndefined();
  });
});

describe('columnLook', () => {
  it('labels runc, gVisor, Kata and both VM accelerators', () => {
    expect(columnLook(container)).toEqual({ role: 'container', labelKey: 'compare.column.container' });
    expect(columnLook(sandbox)).toEqual({ role: 'sandbox', labelKey: 'compare.column.sandboxGvisor' });
    expect(columnLook({ kind: 'container', runtime: 'kata' }).labelKey).toBe('compare.column.sandboxKata');
    expect(columnLook(vm).labelKey).toBe('compare.column.vmTcg');
    expect(columnLook({ kind: 'vm', runtime: 'qemu-kvm' }, 'tcg').labelKey).toBe('compare.column.vmKvm');
  });
});
