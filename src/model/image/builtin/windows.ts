/**
 * `mcr.microsoft.com/windows/nanoserver:ltsc2022`: a Windows image
 * (config os "windows") that a Linux host must refuse (claim other-os).
 * Windows layer tars hold Files/ and Hives/ at the top. Sizes and the
 * build number are illustrative.
 */
import { virtualData } from '../../fs/data.ts';
import { LayerBuilder } from '../layer-builder.ts';
import type { TarEntry } from '../tar.ts';

/** Build time (illustrative: 2025-10-14T00:00:00Z). */
export const NANOSERVER_CREATED_S = Date.UTC(2025, 9, 14) / 1000;
/** os.version of the image (illustrative build number). */
export const NANOSERVER_OS_VERSION = '10.0.20348.4294';

/** The base layer. */
export function nanoserverLayer(): TarEntry[] {
  return new LayerBuilder(NANOSERVER_CREATED_S)
    .file('Files/Windows/System32/cmd.exe', virtualData(289_792, 'nanoserver/cmd.exe'), 0o755)
    .file('Files/Windows/System32/ntdll.dll', virtualData(2_093_056, 'nanoserver/ntdll'), 0o755)
    .file('Files/Windows/System32/kernelbase.dll', virtualData(3_915_776, 'nanoserver/kernelbase'), 0o755)
    .file('Files/Windows/WinSxS/filler.cab', virtualData(285_000_000, 'nanoserver/winsxs'))
    .file('Files/License.txt', 'MICROSOFT SOFTWARE SUPPLEMENTAL LICENSE TERMS\nCONTAINER OS IMAGE\n')
    .file('Hives/DefaultUser_Delta', virtualData(262_144, 'nanoserver/hive-user'))
    .file('Hives/Sam_Delta', virtualData(65_536, 'nanoserver/hive-sam'))
    .file('Hives/Software_Delta', virtualData(4_194_304, 'nanoserver/hive-software'))
    .file('Hives/System_Delta', virtualData(1_048_576, 'nanoserver/hive-system'))
    .build();
}
