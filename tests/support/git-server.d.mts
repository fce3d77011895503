// Types for git-server.mjs, so the TypeScript tests that start it type-check.
export declare const GIT: string;
export declare const HTTP_BACKEND: string;
export declare function gitServerMissing(): string | null;
export declare function git(args: string[], options?: { cwd?: string; input?: Uint8Array | string; env?: Record<string, string> }): string;
export declare function gitAsync(args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<string>;
export interface SeedFile { path: string; text?: string; bytes?: Uint8Array }
export interface GitServer {
  root: string;
  baseUrl: string;
  requests: { method: string; path: string; query: string; bytesIn: number; bytesOut: number }[];
  url(name: string): string;
  repoDir(name: string): string;
  setToken(value: string | null): void;
  createBare(name: string, branch?: string): string;
  seed(name: string, files: SeedFile[], options?: { branch?: string; message?: string; date?: string }): string;
  rejectPushes(name: string, reason?: string | null): void;
  close(): Promise<void>;
}
export declare function startGitServer(options?: { token?: string | null }): Promise<GitServer>;
