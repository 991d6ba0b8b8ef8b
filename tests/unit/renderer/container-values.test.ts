import { describe, expect, it } from 'vitest';
import { containerCreateSpecSchema } from '../../../src/shared/containers';
import { templateSchema, type Template } from '../../../src/shared/template';
import {
  defaultContainerName,
  emptyValues,
  formFieldOf,
  formProblems,
  imageBaseName,
  problemsUpTo,
  randomSuffix,
  stepOfField,
  toContainerSpec,
  valuesFromTemplate,
  type ContainerWizardValues,
} from '../../../src/renderer/src/wizards/container/container-values';

const busybox: Template = templateSchema.parse({
  id: 'fixture-busybox',
  name: 'BusyBox container (offline fixture)',
  container: { image: 'twinlab-fixture/busybox:1', shell: '/bin/sh', memoryMiB: 64 },
});

const web: Template = templateSchema.parse({
  id: 'web',
  name: 'Web',
  container: {
    image: 'docker.io/library/nginx:1.27',
    cpus: 0.5,
    runtime: 'runsc',
    restart: 'unless-stopped',
    command: ['nginx', '-g', 'daemon off;'],
    ports: [
      { container: 80, host: 8080 },
      { container: 53, protocol: 'udp' },
    ],
    volumes: [
      { name: 'web-data', target: '/usr/share/nginx/html' },
      { target: '/cache', readOnly: false },
    ],
    binds: [{ source: '/srv/conf', target: '/etc/nginx/conf.d', readOnly: true }],
    env: { MODE: 'lab', EMPTY: '' },
  },
});

function values(patch: Partial<ContainerWizardValues>): ContainerWizardValues {
  return { ...emptyValues, templateId: 't', image: 'busybox:1', name: 'box-1', ...patch };
}

describe('default names', () => {
  it('take the image’s last path segment without tag or digest', () => {
    expect(imageBaseName('twinlab-fixture/busybox:1')).toBe('busybox');
    expect(imageBaseName('ghcr.io/org/Web_App@sha256:abc')).toBe('web_app');
    expect(imageBaseName('localhost:5000/tools/x:latest')).toBe('x');
    expect(imageBaseName('')).toBe('container');
  });

  it('add four hex digits', () => {
    expect(defaultContainerName('twinlab-fixture/busybox:1', '1a2b')).toBe('busybox-1a2b');
    expect(randomSuffix(() => 0)).toBe('0000');
    expect(randomSuffix(() => 0.999999)).toBe('ffff');
    expect(randomSuffix()).toMatch(/^[0-9a-f]{4}$/);
  });
});

describe('values → spec', () => {
  it('maps the busybox fixture to the smallest spec the schema accepts', () => {
    const spec = toContainerSpec(valuesFromTemplate(busybox, '1a2b'));
    expect(spec).toEqual({
      name: 'busybox-1a2b',
      templateId: 'fixture-busybox',
      image: 'twinlab-fixture/busybox:1',
      shell: '/bin/sh',
      memoryMiB: 64,
    });
    expect(containerCreateSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('round-trips every field of a full template', () => {
    const spec = toContainerSpec(valuesFromTemplate(web, 'beef'));
    expect(spec).toEqual({
      name: 'nginx-beef',
      templateId: 'web',
      image: 'docker.io/library/nginx:1.27',
      command: ['nginx', '-g', 'daemon off;'],
      restart: 'unless-stopped',
      cpus: 0.5,
      runtime: 'runsc',
      ports: [
        { container: 80, host: 8080, protocol: 'tcp' },
        { container: 53, protocol: 'udp' },
      ],
      volumes: [
        { name: 'web-data', target: '/usr/share/nginx/html', readOnly: false },
        { target: '/cache', readOnly: false },
      ],
      binds: [{ source: '/srv/conf', target: '/etc/nginx/conf.d', readOnly: true }],
      env: { MODE: 'lab', EMPTY: '' },
    });
    expect(containerCreateSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('leaves out empty numbers, the default runtime and empty rows, and trims text', () => {
    const spec = toContainerSpec(
      values({
        name: '  box-1 ',
        memoryMiB: '',
        cpus: '',
        runtime: '',
        ports: [{ key: 'a', container: '', host: '', protocol: 'tcp', lan: false }],
        volumes: [{ key: 'b', name: ' ', target: ' ', readOnly: false }],
        binds: [{ key: 'c', source: '', target: '', readOnly: false }],
        env: [{ key: 'd', name: ' ', value: '' }],
      }),
    );
    expect(spec).toEqual({ name: 'box-1', templateId: 't', image: 'busybox:1' });
  });

  it('drops half-filled rows from the spec and reports them as form problems', () => {
    const form = values({
      ports: [
        { key: 'a', container: '', host: 8080, protocol: 'tcp', lan: false },
        { key: 'b', container: 80, host: '', protocol: 'tcp', lan: false },
      ],
      binds: [{ key: 'c', source: '/srv', target: '', readOnly: true }],
      env: [
        { key: 'd', name: '', value: 'orphan' },
        { key: 'e', name: 'A', value: '1' },
        { key: 'f', name: 'A', value: '2' },
      ],
    });
    const spec = toContainerSpec(form);
    expect(spec.ports).toEqual([{ container: 80, protocol: 'tcp' }]);
    expect(spec.binds).toBeUndefined();
    expect(spec.env).toEqual({ A: '2' });
    expect(formProblems(form).map((problem) => [problem.field, problem.key])).toEqual([
      ['form.ports.0.container', 'wizard.problem.containerPortRequired'],
      ['form.binds.0.target', 'wizard.problem.targetRequired'],
      ['form.env.0.name', 'wizard.problem.envNameRequired'],
      ['form.env.2.name', 'wizard.problem.envNameDuplicate'],
    ]);
  });

  it('finds no form problems in a template’s own values', () => {
    expect(formProblems(valuesFromTemplate(web, '0000'))).toEqual([]);
  });
});

describe('problems ↔ fields and steps', () => {
  it('maps spec indexes back to the form’s rows when empty rows were dropped', () => {
    const form = values({
      ports: [
        { key: 'a', container: '', host: '', protocol: 'tcp', lan: false },
        { key: 'b', container: 80, host: 80, protocol: 'tcp', lan: false },
      ],
      env: [{ key: 'c', name: 'MY VAR', value: 'x' }],
    });
    expect(formFieldOf('ports.0.host', form)).toBe('ports.1.host');
    expect(formFieldOf('ports.5.host', form)).toBe('ports');
    expect(formFieldOf('env.MY VAR', form)).toBe('env.0.name');
    expect(formFieldOf('env.GONE', form)).toBe('env');
    expect(formFieldOf('form.env.0.name', form)).toBe('env.0.name');
    expect(formFieldOf('name', form)).toBe('name');
  });

  it('puts each field on its step', () => {
    expect(stepOfField('image')).toBe('template');
    expect(stepOfField('name')).toBe('resources');
    expect(stepOfField('runtime')).toBe('resources');
    expect(stepOfField('ports.0.host')).toBe('network');
    expect(stepOfField('form.env.1.name')).toBe('network');
    expect(stepOfField('env.X')).toBe('network');
    expect(stepOfField('somethingNew')).toBe('review');
  });

  it('keeps the user on a step only for problems of that step or an earlier one', () => {
    const problems = [
      { field: 'image', key: 'k', params: {}, message: '' },
      { field: 'name', key: 'k', params: {}, message: '' },
      { field: 'ports.0.host', key: 'k', params: {}, message: '' },
    ];
    expect(problemsUpTo(problems, 'template').map((problem) => problem.field)).toEqual(['image']);
    expect(problemsUpTo(problems, 'resources')).toHaveLength(2);
    expect(problemsUpTo(problems, 'review')).toHaveLength(3);
  });
});
