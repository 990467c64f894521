// Validates glTF binaries with the Khronos glTF Validator (npm gltf-validator, installed by
// scripts/install_deps.sh into .tools/node); one JSON line per file with its errors and warnings.
const validator = require('gltf-validator');
const fs = require('fs');
(async () => {
  for (const file of process.argv.slice(2)) {
    const report = await validator.validateBytes(new Uint8Array(fs.readFileSync(file)), { maxIssues: 50 });
    const issues = report.issues;
    const serious = issues.messages.filter((m) => m.severity <= 1).map((m) => `${m.code} ${m.pointer || ''} ${m.message}`);
    console.log(JSON.stringify({ file, errors: issues.numErrors, warnings: issues.numWarnings, messages: serious }));
  }
})();
