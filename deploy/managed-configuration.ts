import { parsePolicyKeys, type Policy } from '../protocol/policy';

/**
 * The managed configuration a district pushes to its computers: only the keys it sets, each
 * validated by the shared Policy schema, plus `"locale": "ru"` unless the district chose another. Every policy file format (Linux JSON, Windows .reg,
 * Firefox policies.json) and the collector's `policy` command are built from this one object.
 */
export function managedConfiguration(settings: Partial<Policy>): Partial<Policy> {
  const { values, problems } = parsePolicyKeys(settings);
  if (problems.length > 0) {
    throw new Error(problems.map((problem) => `${problem.key}: ${problem.reason}`).join('; '));
  }
  // The product is for Russian schools: the files say so even where a browser's interface is English.
  return { locale: 'ru', ...values };
}
