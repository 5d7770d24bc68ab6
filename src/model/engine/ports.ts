/**
 * What the engine needs from the image half of the model (src/model/image),
 * in containerd's and moby's words: images by reference, a snapshot per
 * container with Docker's overlay2 layout (an `-init` layer under the RW
 * layer, facts §3.3), the changes of a RW layer (`docker diff`), and commit
 * of a RW layer as a new image layer. image-adapter.ts implements it on the
 * image engineer's ImageStore; tests may use a fake.
 */
import type { ImageConfig } from '../image/image.ts';

/** An image as the engine sees it. */
export interface ImageInfo {
  /** Image ID: "sha256:<64 hex>" of the config JSON. */
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  readonly config: ImageConfig;
  /** Uncompressed size of all layers, bytes (`docker images` SIZE). */
  readonly size: number;
  /** Virtual realtime µs of config.created. */
  readonly created: number;
}

/** Paths and mount options of a container's RW layer. */
export interface RwLayer {
  /** Overlay mount options with host paths: lowerdir=…,upperdir=…,workdir=… */
  readonly options: readonly string[];
  /** Uppermost first, starting with the `-init` layer's diff dir. */
  readonly lowerDirs: readonly string[];
  readonly upperDir: string;
  readonly workDir: string;
  readonly mergedDir: string;
}

/** One `docker diff` line. */
export interface Change {
  readonly kind: 'A' | 'C' | 'D';
  readonly path: string;
}

/** One `docker history` row. */
export interface HistoryRow {
  /** Image ID for the top entry (and entries that are images themselves), else "<missing>". */
  readonly id: string;
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

/** Line-by-line pull/push progress, as the CLI prints it. */
export type Progress = (line: string) => void;

/** The image service of one dockerd. */
export interface ImageBackend {
  /** Resolve "alpine", "alpine:3.22", "docker.io/library/alpine:3.22", an ID or ID prefix. */
  find(ref: string): ImageInfo | undefined;
  list(): ImageInfo[];
  /** Pull from the World's registry, printing Docker's lines; throws ApiError if unknown. */
  pull(ref: string, progress: Progress): ImageInfo & { readonly pulledBytes?: number };
  push(ref: string, progress: Progress): void;
  tag(source: string, target: string): void;
  /** `docker rmi`: untag, delete when no tag is left; returns the Untagged:/Deleted: lines. */
  remove(ref: string, force: boolean, inUse: (imageId: string) => { id: string; running: boolean } | undefined): string[];
  history(ref: string): HistoryRow[];
  /** Snapshot a RW layer for container `containerId` (overlay2 dir `mountId`) on top of the image, with the -init layer. */
  prepare(containerId: string, mountId: string, imageId: string): RwLayer;
  /** Remove the container's RW layer and its -init layer. */
  release(containerId: string): void;
  /** Bytes in the RW layer's upper dir (`docker ps -s`, `system df`). */
  rwSize(containerId: string): number;
  changes(containerId: string): Change[];
  /**
   * Commit the container's RW layer as a new image: `config` is the new
   * image config without the new layer (its diff ID is appended here, and
   * `history` must already hold the new entry). `emptyLayer` commits no layer.
   */
  commit(containerId: string, parentImageId: string, config: ImageConfig, repoTag: string | undefined, emptyLayer?: boolean): ImageInfo;
  /** Sizes for `docker system df`: unique layer bytes, and bytes of layers used by `activeImageIds`. */
  diskUsage(activeImageIds: ReadonlySet<string>): { total: number; active: number; size: number; reclaimable: number };
  /** An image's overlay2 directories (image inspect GraphDriver.Data): top layer as UpperDir, the rest as LowerDir. */
  graphDriver?(ref: string): Record<string, string> | null;
  /** `docker system df -v`: an image's size, the part shared with other images, and the rest. */
  sizes?(ref: string): { size: number; sharedSize: number; uniqueSize: number };
  save(refs: readonly string[]): Uint8Array;
  load(tar: Uint8Array): string[];
}
