import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LabPaths {
  /** The user's settings: $XDG_CONFIG_HOME/twinlab */
  config: string;
  /** User templates: $XDG_CONFIG_HOME/twinlab/templates */
  userTemplates: string;
  /** User lessons, one folder each: $XDG_CONFIG_HOME/twinlab/lessons */
  userLessons: string;
  /** Downloaded images and other re-creatable files: $XDG_CACHE_HOME/twinlab */
  cache: string;
  /** Disks, seeds and state of the guests Twinlab made: $XDG_DATA_HOME/twinlab */
  data: string;
}

/** XDG base directories (https://specifications.freedesktop.org/basedir-spec/), per user. */
export function labPaths(env: Record<string, string | undefined>, home = homedir()): LabPaths {
  const base = (name: string, fallback: string) => env[name] || join(home, fallback);
  return {
    config: join(base('XDG_CONFIG_HOME', '.config'), 'twinlab'),
    userTemplates: join(base('XDG_CONFIG_HOME', '.config'), 'twinlab', 'templates'),
    userLessons: join(base('XDG_CONFIG_HOME', '.config'), 'twinlab', 'lessons'),
    cache: join(base('XDG_CACHE_HOME', '.cache'), 'twinlab'),
    data: join(base('XDG_DATA_HOME', '.local/share'), 'twinlab'),
  };
}
