import { z } from 'zod';
import type { EnginesStatus } from './engines';
import type { HostReport } from './host';
import type { Catalog } from './template';
import type { Locale } from './locales';
import type { Guest } from './guest';
import { guestIdSchema, imageRefSchema, operationIdSchema } from './refs';
import {
  containerActions,
  containerCreateSpecSchema,
  importImageInputSchema,
  type ContainerPreview,
  type ContainerStatsSample,
  type ImportedImage,
  type SpecProblem,
  type TwinlabImage,
} from './containers';
import {
  consoleAckSchema,
  consoleOpenSchema,
  consoleResizeSchema,
  consoleSessionSchema,
  consoleWriteSchema,
  type ConsoleAttachResult,
  type ConsoleDataEvent,
  type ConsoleSessionInfo,
  type ConsoleStateEvent,
} from './consoles';
import type { OperationProgress } from './operations';
import {
  systemActionSchema,
  systemSpecSchema,
  type SystemImage,
  type SystemInspect,
  type SystemPreview,
  type SystemSnapshot,
  type SystemStatsSample,
  systemSnapshotSchema,
} from './systems';
import { shareStartSchema, type ShareStatus } from './sharing';
import { compareResultsGetSchema, compareResultsSaveSchema, type ProbeRun } from './compare-results';
import { twinRefSchema, twinStopSchema, type TwinActionResult } from './twins';
import {
  checkpointRefSchema,
  checkpointsListSchema,
  type Checkpoint,
  type CheckpointRestored,
} from './checkpoints';
import { vmAvailabilitySchema, type VmTemplateAvailability } from './vm-availability';
import { mirrorsSetSchema, type MirrorStatus } from './mirrors';
import { lessonsGetSchema, lessonsListSchema, type Lesson, type LessonList } from './lessons';
import {
  lessonsCheckSchema,
  lessonsFoldersSchema,
  lessonsPrepareSchema,
  lessonsProgressGetSchema,
  lessonsProgressSaveSchema,
  type LessonFolders,
  type LessonProgressMap,
  type PrepareReport,
  type StepCheckOutcome,
} from './lessons';
import {
  compareMeasureSchema,
  consoleRunSchema,
  twinCreateSchema,
  type CompareEnvironment,
  type ConsoleRunResult,
  type GuestLiveSample,
  type GuestMeasurement,
  type TwinCreated,
} from './compare';
import {
  vmActions,
  vmCreateSchema,
  vmImportImageSchema,
  type BootRecord,
  type Leftovers,
  type ShutdownResult,
  type VmImportedImage,
  type VmLogin,
  type VmStats,
} from './vms';
import { densityRunSchema, type DensityLimits, type DensityProgress, type DensityResult } from './density';

/**
 * The one contract between renderer and main. Main registers a handler for every method here
 * through one wrapper (sender/token check → zod parse → service); the renderer calls them through
 * one client that does not know whether it runs over Electron IPC or the browser-mode WebSocket.
 */
const returns =
  <Result>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });

const noInput = z.object({}).strict();
const guestRef = z.object({ id: guestIdSchema }).strict();

export interface AppInfo {
  version: string;
  /** How this renderer is connected: the Electron window or a loopback browser tab. */
  mode: 'electron' | 'browser';
  /** The host's preferred language, from its locale environment. */
  hostLocale: Locale;
  platform: string;
}

export const api = {
  'app.info': returns<AppInfo>()(noInput),
  'engines.status': returns<EnginesStatus>()(noInput),
  /** Runs every host check; cached results unless `refresh` (the Re-check button). */
  'host.check': returns<HostReport>()(z.object({ refresh: z.boolean().default(false) }).strict()),
  'templates.list': returns<Catalog>()(noInput),

  /** Every guest: Twinlab's own, and the user's other containers read-only (managed: false). */
  'guests.list': returns<Guest[]>()(noInput),
  /** Start, stop or remove one of Twinlab's system containers (null once removed). */
  'systems.action': returns<Guest | null>()(systemActionSchema),
  /** The images in LXD's local store, for the New system container wizard. */
  'systems.images': returns<SystemImage[]>()(noInput),
  /** Checks a spec (name, image, limits, LXD ready) and answers the `lxc launch` line and the instance YAML. */
  'systems.preview': returns<SystemPreview>()(z.object({ spec: systemSpecSchema }).strict()),
  /** Creates and starts one system container; a failure half way removes it. */
  'systems.create': returns<Guest>()(
    z.object({ spec: systemSpecSchema, operationId: operationIdSchema }).strict(),
  ),
  'systems.stats': returns<SystemStatsSample>()(guestRef),
  'systems.inspect': returns<SystemInspect>()(guestRef),
  /** An instance's snapshots, oldest first. */
  'systems.snapshots': returns<SystemSnapshot[]>()(guestRef),
  /** Takes, restores or deletes a snapshot of one of Twinlab's system containers; answers the list after. */
  'systems.snapshot': returns<SystemSnapshot[]>()(systemSnapshotSchema),

  /** Problems with a spec, each a sentence saying what to do; empty when it can be created. */
  'containers.validate': returns<SpecProblem[]>()(z.object({ spec: containerCreateSpecSchema }).strict()),
  /** The equivalent `docker run …` and the problems, for the wizard's Review step. */
  'containers.preview': returns<ContainerPreview>()(z.object({ spec: containerCreateSpecSchema }).strict()),
  /** Pull if needed, create, start; a failure half way removes what was made. */
  'containers.create': returns<Guest>()(
    z.object({ spec: containerCreateSpecSchema, operationId: operationIdSchema }).strict(),
  ),
  'containers.action': returns<null>()(guestRef.extend({ action: z.enum(containerActions) }).strict()),
  'containers.inspect': returns<Record<string, unknown>>()(guestRef),
  'containers.stats': returns<ContainerStatsSample>()(guestRef),

  /** The libvirt domain XML a template would become, for the VM wizard's Review step. */
  'vms.preview': returns<{ xml: string }>()(vmCreateSchema),
  /** Download or reuse the image, make the disk and seed, define and boot; a failure removes what it made. */
  'vms.create': returns<Guest>()(vmCreateSchema.extend({ operationId: operationIdSchema }).strict()),
  /** `shutdown` answers whether the guest stopped in time or may be forced off. */
  'vms.action': returns<ShutdownResult | null>()(
    guestRef
      .extend({
        action: z.enum(vmActions),
        /** How long `shutdown` waits for the guest to power off before it offers Force off. */
        timeoutSeconds: z.number().int().min(1).max(300).default(30),
      })
      .strict(),
  ),
  'vms.xml': returns<{ xml: string }>()(guestRef),
  'vms.stats': returns<VmStats>()(guestRef),
  /** What a crash left half-made: Twinlab domains missing their files, folders no domain owns. */
  'vms.leftovers': returns<Leftovers>()(noInput),
  /** Removes what vms.leftovers finds now; answers what it removed. */
  'vms.cleanupLeftovers': returns<Leftovers>()(noInput),
  /** Boot times measured on the serial console since Twinlab started, newest last. */
  'vms.bootTimes': returns<BootRecord[]>()(noInput),
  /** The cloud-init user and password Twinlab gave a VM (kept in its domain metadata); null without cloud-init. */
  'vms.login': returns<VmLogin | null>()(guestRef),
  /** Copies a local disk, or a kernel + initrd, into the image cache and writes a user template for it. */
  'vms.importImage': returns<VmImportedImage>()(vmImportImageSchema),
  /** Whether each VM template's image is cached, downloadable now, or neither (offline, mirror silent). */
  'vms.availability': returns<VmTemplateAvailability[]>()(vmAvailabilitySchema),

  'images.list': returns<TwinlabImage[]>()(
    z.object({ scope: z.enum(['twinlab', 'all']).default('twinlab') }).strict(),
  ),
  /** Import a `docker save` archive or a plain root filesystem tarball, for offline workshops. */
  'images.import': returns<ImportedImage>()(
    importImageInputSchema.extend({ operationId: operationIdSchema }).strict(),
  ),
  'images.remove': returns<null>()(z.object({ image: imageRefSchema }).strict()),
  /** Whether this Twinlab shares its images with the room, and at which addresses. */
  'share.status': returns<ShareStatus>()(noInput),
  /** Starts serving the cache read-only on every network of this computer (opt-in; stops with the app). */
  'share.start': returns<ShareStatus>()(shareStartSchema),
  'share.stop': returns<ShareStatus>()(noInput),
  /** The mirrors in use (user setting, TWINLAB_MIRROR or this computer's file) and whether they answer. */
  'mirrors.status': returns<MirrorStatus>()(noInput),
  /** Saves the user's own mirror setting. */
  'mirrors.save': returns<MirrorStatus>()(mirrorsSetSchema),
  /** Forgets the user's own mirror setting. */
  'mirrors.clear': returns<MirrorStatus>()(noInput),
  'operations.cancel': returns<null>()(z.object({ operationId: operationIdSchema }).strict()),

  /** Opens a terminal session in main; it outlives the page that opened it. */
  'console.open': returns<ConsoleSessionInfo>()(consoleOpenSchema),
  /** Becomes the session's viewer: returns what it already printed, then streams console.data. */
  'console.attach': returns<ConsoleAttachResult>()(consoleSessionSchema),
  'console.detach': returns<null>()(consoleSessionSchema),
  'console.write': returns<null>()(consoleWriteSchema),
  'console.resize': returns<null>()(consoleResizeSchema),
  /** The viewer has written this many characters: flow control resumes output below a bound. */
  'console.ack': returns<null>()(consoleAckSchema),
  'console.reconnect': returns<ConsoleSessionInfo>()(consoleSessionSchema),
  'console.close': returns<null>()(consoleSessionSchema),
  'console.list': returns<ConsoleSessionInfo[]>()(noInput),
  /**
   * Types one command line into each target's console (as the learner would) and answers what each
   * printed before its next prompt. Lesson Run uses it; the output stays visible there.
   */
  'console.run': returns<ConsoleRunResult[]>()(consoleRunSchema),
  /**
   * Runs one command beside each target's console (exec in a container or system container, a
   * child process on the host; at an idle prompt only for a VM) and answers what it printed: the
   * learner's console shows nothing of it. Measure inside and lesson checks use it.
   */
  'console.probe': returns<ConsoleRunResult[]>()(consoleRunSchema),

  /** Creates a template's container, VM and (when available) sandbox in parallel under one twin id. */
  'twins.create': returns<TwinCreated>()(twinCreateSchema),
  /** Removes every part of a twin (containers, system container, VM with its disk files) in one call. */
  'twins.delete': returns<TwinActionResult>()(twinRefSchema),
  /** Starts every part of a twin that is not running. */
  'twins.start': returns<TwinActionResult>()(twinRefSchema),
  /** Stops every running part of a twin; a VM that ignores the power button is switched off. */
  'twins.stop': returns<TwinActionResult>()(twinStopSchema),
  /** Host-side numbers for the Compare table, one per guest, read now. */
  'compare.measure': returns<GuestMeasurement[]>()(compareMeasureSchema),
  /** The host a comparison ran on: kernel, CPU, accelerator, engine versions. */
  'compare.environment': returns<CompareEnvironment>()(noInput),
  /** CPU and memory of every running Twinlab guest, for cards and sparklines (sampled once a second). */
  'guests.live': returns<GuestLiveSample[]>()(noInput),
  /** A twin's saved probe results (Measure inside and the probes), newest first. */
  'compare.results.get': returns<ProbeRun[]>()(compareResultsGetSchema),
  /** Saves a twin's probe results in Twinlab's data folder; an empty list forgets them. */
  'compare.results.save': returns<null>()(compareResultsSaveSchema),

  /** Built-in, user and extra lessons with titles in `locale`, and the files that could not be used. */
  'lessons.list': returns<LessonList>()(lessonsListSchema),
  /** One lesson in `locale`, or in English when it has no such translation. */
  'lessons.get': returns<Lesson>()(lessonsGetSchema),
  /** Runs one step's checks against the guests of a twin, in main, and judges the step. */
  'lessons.check': returns<StepCheckOutcome>()(lessonsCheckSchema),
  /** Every lesson's saved progress (a JSON file in Twinlab's data folder). */
  'lessons.progress.get': returns<LessonProgressMap>()(lessonsProgressGetSchema),
  /** Saves one lesson's progress; null forgets it. */
  'lessons.progress.save': returns<null>()(lessonsProgressSaveSchema),
  /** What a template needs before going offline; with operationId, fetches what is missing. */
  'lessons.prepare': returns<PrepareReport>()(lessonsPrepareSchema),
  /** The folders an instructor can put a lesson pack in. */
  'lessons.folders': returns<LessonFolders>()(lessonsFoldersSchema),
  /** A twin's lesson checkpoints, oldest first. */
  'checkpoints.list': returns<Checkpoint[]>()(checkpointsListSchema),
  /** Saves every part of the twin for a lesson step (replacing that step's checkpoint); a failure keeps nothing. */
  'checkpoints.save': returns<Checkpoint>()(checkpointRefSchema),
  /** Puts every part of the twin back to the step's checkpoint and reconnects the consoles; answers the seconds. */
  'checkpoints.restore': returns<CheckpointRestored>()(checkpointRefSchema),
  /** Removes a twin's checkpoints (lesson Reset; twins.delete does it too). */
  'checkpoints.forget': returns<null>()(checkpointsListSchema),
  /** The density experiment's budget bounds on this host and which guest kinds can run here. */
  'density.limits': returns<DensityLimits>()(noInput),
  /** Starts guests kind by kind until the budget or the count limit, measures, removes them all; long (operations.cancel). */
  'density.run': returns<DensityResult>()(densityRunSchema),
  /** The last finished density run (kept in Twinlab's data folder), or null. */
  'density.last': returns<DensityResult | null>()(noInput),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodResult<M extends MethodName> = Api[M]['result'];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

/** Events main pushes to every connected renderer. */
export interface ApiEvents {
  'engines.status': EnginesStatus;
  /** Some guest was created, changed state or went away: list them again. */
  'guests.changed': { id?: string };
  'console.data': ConsoleDataEvent;
  'console.state': ConsoleStateEvent;
  'operation.progress': OperationProgress;
  /** A VM printed its ready pattern on the serial console. */
  'vm.booted': BootRecord;
  /** A density run measured a point, or moved on to cleaning up. */
  'density.progress': DensityProgress;
}
export type EventName = keyof ApiEvents;
