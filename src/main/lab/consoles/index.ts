export { ConsoleManager, type ConsoleManagerOptions, type OpenOptions } from './console-manager';
export type { AttachResult, SessionInfo, SessionState, StateDetail } from './console-session';
export { ConsoleError, isConsoleError, type ConsoleErrorKind } from './errors';
export { defaultConsoleLimits, type ConsoleLimits } from './limits';
export { englishNotices, type ConsoleNotices } from './notices';
export { checkTerminalSize, terminalSizeBounds, type TerminalSize } from './terminal-size';
export type { BackendExit, ConnectBackend, ConsoleBackend } from './backends/types';
export { ptyBackend, type PtyOptions } from './backends/pty';
export { dockerExecBackend, type DockerExecBackend, type DockerExecOptions } from './backends/docker-exec';
