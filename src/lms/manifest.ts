/**
 * The file an LMS reads to import a package: `imsmanifest.xml` for SCORM 1.2 and 2004 (4th
 * edition), `cmi5.xml` for cmi5. One organisation, one item, one launchable page (index.html) that
 * lists every file of the package. Pure: the packager writes what these return, and the tests check
 * them against the standards' schemas.
 */
import type { PackageConfig } from './report.js';

/** XML's five special characters, escaped for text and attribute values. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface ManifestInput {
  config: PackageConfig;
  /** A line for the LMS's catalogue. */
  description: string;
  /** Every file of the package, '/'-separated, relative to its root (the manifest itself left out). */
  files: readonly string[];
  /** The package's version (the game's, and the scenarios' versions). */
  version: string;
}

const files = (list: readonly string[]): string =>
  list.map((f) => `      <file href="${xml(encodeURI(f))}"/>`).join('\n');

export function scorm12Manifest({ config, files: list, version }: ManifestInput): string {
  const id = xml(config.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${xml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xml(config.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xml(config.title)}</title>
        <adlcp:masteryscore>${Math.round(config.pass / 10)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files(list)}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest({ config, files: list, version }: ManifestInput): string {
  const id = xml(config.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${xml(version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xml(config.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco">
        <title>${xml(config.title)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${files(list)}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * cmi5's course structure: one block-less course with one assignable unit, launched in a new
 * window or frame at index.html, passed at the mastery score (the pass mark, 0–1).
 */
export function cmi5Manifest({ config, description }: ManifestInput): string {
  const base = `https://keep-cool.invalid/packages/${encodeURIComponent(config.identifier)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(base)}">
    <title><langstring lang="en-US">${xml(config.title)}</langstring></title>
    <description><langstring lang="en-US">${xml(description)}</langstring></description>
  </course>
  <au id="${xml(`${base}/au`)}" moveOn="CompletedAndPassed" masteryScore="${config.pass / 1000}" launchMethod="AnyWindow">
    <title><langstring lang="en-US">${xml(config.title)}</langstring></title>
    <description><langstring lang="en-US">${xml(description)}</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}
