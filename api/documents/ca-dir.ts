/**
 * Where the deployment's certificate authority lives: CA_DIR, else `<DATA_DIR>/ca`. Kept apart
 * from the documents service so that the primary of `WORKERS=n`, which creates the CA before
 * forking, does not load the signing and verification code.
 * @module
 */
import { join } from 'node:path'
import type { Config } from '../config.ts'

export const caDirOf = (config: Pick<Config, 'documents' | 'dataDir'>) =>
  config.documents.caDir ?? join(config.dataDir, 'ca')
