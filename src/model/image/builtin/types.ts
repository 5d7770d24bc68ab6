/**
 * How a built-in image is described: a Dockerfile-like list of steps, each
 * a history entry (image-spec config.md §history) that may add a layer.
 */
import type { ContainerConfig } from '../image.ts';
import type { TarEntry } from '../tar.ts';

/** One layer of a built-in image; `key` names it in the baked digest table. */
export interface LayerDef {
  readonly key: string;
  readonly entries: () => TarEntry[];
  /** Compressed (gzip) size from a source, for pull/push byte counts; undefined = transferred uncompressed. */
  readonly transferSize?: number;
}

/** A history step; steps without a layer are `empty_layer: true` (ENV, CMD…). */
export interface StepDef {
  readonly createdBy: string;
  readonly created: string;
  readonly comment?: string;
  readonly layer?: LayerDef;
}

/** A built-in image: repository, tags, optional base image, steps, runtime config. */
export interface ImageDef {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly base?: ImageDef;
  readonly steps: readonly StepDef[];
  readonly config: ContainerConfig;
  readonly os?: string;
  readonly osVersion?: string;
  readonly architecture?: string;
}
