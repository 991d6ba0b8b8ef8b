/**
 * The doctor's only window onto the host. Checks ask the probe, never the file system or PATH
 * directly, so unit tests can describe any host with a plain object.
 */
export interface DeviceAccess {
  exists: boolean;
  readable: boolean;
  writable: boolean;
}

export interface UserIdentity {
  uid: number;
  /** Primary group id. */
  gid: number;
  username: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  /** Supplementary members as listed in the group database (primary members are not listed). */
  members: string[];
}

export interface HostProbe {
  readFile(path: string): Promise<string>;
  /** Whether a device node exists and this process may open it for reading and writing. */
  deviceAccess(path: string): Promise<DeviceAccess>;
  /** Names under /sys/module: loaded modules and built-in ones with parameters. */
  listModules(): Promise<string[]>;
  /** Absolute path of an executable on PATH, or null. */
  which(tool: string): Promise<string | null>;
  exists(path: string): Promise<boolean>;
  /** Bytes an unprivileged user may still write on the file system holding `path`. */
  freeBytes(path: string): Promise<number>;
  user(): Promise<UserIdentity>;
  /** Group names of this process: what the kernel checks, unlike the group database. */
  processGroups(): Promise<string[]>;
  /** One group from the group database, or null when it does not exist. */
  lookupGroup(name: string): Promise<GroupEntry | null>;
}
