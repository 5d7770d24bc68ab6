/**
 * Reading a libvirt domain XML for `virsh define` (docs/formatdomain.rst),
 * only the elements the model uses: <name>, <uuid>, <memory unit=…>, <vcpu>
 * and the first disk's <source file=…>. What `virsh dumpxml` writes reads back.
 */

/** The parts of a domain definition the model keeps. */
export interface DomainXml {
  readonly name: string;
  readonly uuid?: string;
  readonly memoryBytes: number;
  readonly vcpus: number;
  readonly disk: string;
}

const UNITS: Readonly<Record<string, number>> = { b: 1, bytes: 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3, kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3 };

/** Parse a domain XML, or return libvirt's kind of complaint. */
export function parseDomainXml(xml: string): DomainXml | string {
  if (!/<domain[\s>]/.test(xml)) return "XML error: Expected root element 'domain'";
  const name = /<name>\s*([^<]+?)\s*<\/name>/.exec(xml)?.[1];
  if (!name) return 'XML error: missing domain name information';
  const uuid = /<uuid>\s*([0-9a-fA-F-]{36})\s*<\/uuid>/.exec(xml)?.[1];
  const mem = /<memory(?:\s+unit=['"]([A-Za-z]+)['"])?\s*>\s*(\d+)\s*<\/memory>/.exec(xml);
  if (!mem) return "XML error: missing element or attribute './memory[1]'";
  const unit = UNITS[(mem[1] ?? 'KiB').toLowerCase()];
  if (unit === undefined) return `invalid argument: unknown memory unit '${mem[1]}'`;
  const vcpu = /<vcpu(?:\s[^>]*)?>\s*(\d+)\s*<\/vcpu>/.exec(xml)?.[1] ?? '1';
  const disk = /<disk[^>]*device=['"]disk['"][^>]*>[\s\S]*?<source\s+file=['"]([^'"]+)['"]/.exec(xml)?.[1];
  if (!disk) return 'unsupported configuration: the model needs a <disk device=\'disk\'> with a <source file=…>';
  return { name, ...(uuid ? { uuid: uuid.toLowerCase() } : {}), memoryBytes: Number(mem[2]) * unit, vcpus: Number(vcpu), disk };
}
