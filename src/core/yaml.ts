/**
 * Parse YAML keeping positions, so a schema error can name the line of the offending field. Safe by construction
 * (src/core/text-input.ts): BOM and CRLF accepted, alias bombs and oversized files refused with a clear reason.
 */
export { parseYamlWithLines, type SafeYaml as LocatedYaml } from './text-input.ts';
