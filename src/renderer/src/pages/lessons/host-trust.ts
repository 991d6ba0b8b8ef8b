import { hostCommandsOf, type Lesson } from '@shared/lessons';

const storageKey = 'twinlab.lessons.hostTrust';

/** Every command a lesson would type into the host's own shell, in order, once each. */
export function lessonHostCommands(lesson: Lesson): string[] {
  return [...new Set(lesson.steps.flatMap(hostCommandsOf))];
}

/**
 * Twinlab's own lessons are trusted; any other lesson that types into the host asks once. The
 * answer is kept per lesson and per command list, so a lesson whose host commands change asks again.
 */
export function needsHostTrust(lesson: Lesson): boolean {
  if (lesson.source === 'builtin') return false;
  const commands = lessonHostCommands(lesson);
  return commands.length > 0 && !trusted().includes(trustKey(lesson, commands));
}

export function rememberHostTrust(lesson: Lesson): void {
  const key = trustKey(lesson, lessonHostCommands(lesson));
  localStorage.setItem(storageKey, JSON.stringify([...trusted().filter((entry) => entry !== key), key]));
}

function trustKey(lesson: Lesson, commands: string[]): string {
  return JSON.stringify([lesson.source, lesson.id, commands]);
}

function trusted(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}
