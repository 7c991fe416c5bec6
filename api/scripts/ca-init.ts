/**
 * `npm run ca:init [-- --name "Tên CA"]`: creates the deployment's CA key and certificate
 * in CA_DIR (default `<DATA_DIR>/ca`). Refuses to overwrite an existing CA.
 * @module
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { caDirOf } from '../documents/documents-service.ts'
import { caFiles, initCertificateAuthority } from '../documents/init-certificate-authority.ts'

const main = async () => {
  const { values } = parseArgs({ options: { name: { type: 'string', default: 'trolyso CA' } } })
  const dir = caDirOf(loadConfig())
  const ca = await initCertificateAuthority({ dir, name: values.name })
  process.stdout.write(
    `CA created in ${dir}\n  certificate: ${caFiles(dir).cert}\n  key:         ${caFiles(dir).key} (keep it secret)\n  subject:     ${ca.x509.subject.replace(/\n/g, ', ')}\n  SHA-256:     ${ca.x509.fingerprint256}\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`ca:init failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
