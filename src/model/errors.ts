/**
 * One errno table for the whole model, with Linux's numbers and strerror(3)
 * messages (glibc wording). Compare gVisor's pkg/errors/linuxerr/linuxerr.go.
 * The shell is the only place that turns a SysError into `cmd: path: message`.
 */
export const ERRNO = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  ENOTBLK: [15, 'Block device required'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  ERANGE: [34, 'Numerical result out of range'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENODATA: [61, 'No data available'],
  EOPNOTSUPP: [95, 'Operation not supported'],
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ECONNREFUSED: [111, 'Connection refused'],
} as const;

export type Errno = keyof typeof ERRNO;

/** A failed system call: errno code plus the path or object it concerned. */
export class SysError extends Error {
  readonly code: Errno;
  readonly errno: number;
  readonly path: string | undefined;
  constructor(code: Errno, path?: string, detail?: string) {
    // SysErrors are control flow (ENOENT during a PATH search...), thrown thousands of times: capturing a
    // stack trace for each was the model's largest cost. V8 reads Error.stackTraceLimit at construction.
    const E = Error as { stackTraceLimit?: number };
    const limit = E.stackTraceLimit;
    E.stackTraceLimit = 0;
    super(detail ?? ERRNO[code][1]);
    E.stackTraceLimit = limit;
    this.name = 'SysError';
    this.code = code;
    this.errno = ERRNO[code][0];
    this.path = path;
  }
  /** strerror(3) text for this error's code. */
  get strerror(): string {
    return ERRNO[this.code][1];
  }
}

/** Throw `code` for `path`; reads well at call sites: `if (!x) fail('ENOENT', p)`. */
export function fail(code: Errno, path?: string, detail?: string): never {
  throw new SysError(code, path, detail);
}

export function isSysError(e: unknown, code?: Errno): e is SysError {
  return e instanceof SysError && (code === undefined || e.code === code);
}
