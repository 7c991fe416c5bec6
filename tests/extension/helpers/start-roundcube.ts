/**
 * A real Roundcube 1.6 webmail on 127.0.0.1 for the extension's browser tests, from Debian's
 * packages (`bash scripts/install.sh --with-test-tools` installs them): Dovecot (IMAP, a
 * private config, passwd-file logins, maildirs in a temporary folder), Roundcube with its
 * SQLite backend under PHP's built-in server, and a small SMTP server that delivers what
 * Roundcube sends into the recipients' maildirs. Nothing touches the system's own Dovecot or
 * Roundcube configuration; when the tests run as root, Dovecot and PHP run as `nobody`.
 * @module
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { findFreePort } from '../../helpers/listen-on-loopback.ts'

/** Debian's layout: the install path with `public_html`, `config` → /etc/roundcube, `SQL`. */
const ROUNDCUBE = '/var/lib/roundcube'
const DOVECOT = '/usr/sbin/dovecot'
const PHP = '/usr/bin/php'

export const roundcubeMissing = (): string | null => {
  for (const path of [join(ROUNDCUBE, 'public_html', 'index.php'), DOVECOT, PHP]) {
    if (!existsSync(path)) {
      return `${path} is missing: install the test tools with "bash scripts/install.sh --with-test-tools"`
    }
  }
  return null
}

export type Mailbox = { address: string; password: string }
export type SentMail = { from: string; to: string[]; data: string }

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket()
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.connect(port, '127.0.0.1')
  })

const waitForPort = async (port: number, what: string, child: ChildProcess, log: () => string) => {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}): ${log()}`)
    if (await accepts(port)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port}: ${log()}`)
}

/** The unprivileged account Dovecot and PHP run as: `nobody` under root, else the current user. */
const runAccount = () => {
  if (process.getuid?.() !== 0) {
    return {
      uid: undefined,
      gid: undefined,
      user: execFileSync('id', ['-un']).toString().trim(),
      group: execFileSync('id', ['-gn']).toString().trim(),
      numericUid: process.getuid?.() ?? 0,
      numericGid: process.getgid?.() ?? 0,
    }
  }
  return { uid: 65534, gid: 65534, user: 'nobody', group: 'nogroup', numericUid: 65534, numericGid: 65534 }
}

const chownTree = (path: string, uid: number, gid: number) => {
  chownSync(path, uid, gid)
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid)
  }
}

/**
 * A minimal SMTP server (no TLS, no auth) that stores each message in the recipients'
 * maildirs, so what Roundcube sends arrives in the other mailbox.
 */
const startSmtp = async ({
  port,
  deliver,
}: {
  port: number
  deliver: (mail: SentMail) => void
}): Promise<Server> => {
  const server = createServer((socket) => {
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let mail: SentMail = { from: '', to: [], data: '' }
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 so-tp.test ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          mail.data = `${buffer.slice(0, end + 2).replace(/^\.\./gm, '.')}`
          buffer = buffer.slice(end + 5)
          inData = false
          deliver(mail)
          mail = { from: '', to: [], data: '' }
          reply('250 2.0.0 queued')
          continue
        }
        const eol = buffer.indexOf('\r\n')
        if (eol < 0) return
        const line = buffer.slice(0, eol)
        buffer = buffer.slice(eol + 2)
        const verb = line.slice(0, 4).toUpperCase()
        const address = /<([^>]*)>/.exec(line)?.[1] ?? ''
        if (verb === 'EHLO') socket.write('250-so-tp.test\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n')
        else if (verb === 'HELO') reply('250 so-tp.test')
        else if (verb === 'MAIL') {
          mail.from = address
          reply('250 2.1.0 ok')
        } else if (verb === 'RCPT') {
          mail.to.push(address)
          reply('250 2.1.5 ok')
        } else if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'RSET') {
          mail = { from: '', to: [], data: '' }
          reply('250 ok')
        } else if (verb === 'QUIT') {
          reply('221 bye')
          socket.end()
          return
        } else reply('250 ok')
      }
    })
    socket.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return server
}

const php = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

export const startRoundcube = async ({ mailboxes }: { mailboxes: readonly Mailbox[] }) => {
  const missing = roundcubeMissing()
  if (missing) throw new Error(missing)
  const account = runAccount()
  const root = mkdtempSync(join(tmpdir(), 'trolyso-roundcube-'))
  chmodSync(root, 0o755)
  const dirs = {
    dovecot: join(root, 'dovecot'),
    mail: join(root, 'mail'),
    config: join(root, 'config'),
    temp: join(root, 'temp'),
    logs: join(root, 'logs'),
  }
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true })
  const [imapPort, smtpPort, httpPort] = [await findFreePort(), await findFreePort(), await findFreePort()]

  // Dovecot: IMAP only, on 127.0.0.1, plain-text logins from passwd-file, maildir per address
  writeFileSync(
    join(dirs.dovecot, 'users'),
    mailboxes.map((m) => `${m.address}:{PLAIN}${m.password}\n`).join(''),
  )
  writeFileSync(
    join(dirs.dovecot, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dirs.dovecot}/run
state_dir = ${dirs.dovecot}/state
instance_name = trolyso-test-${imapPort}
log_path = ${dirs.logs}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${account.user}
default_internal_user = ${account.user}
default_internal_group = ${account.group}
mail_privileged_group =
mail_location = maildir:${dirs.mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dirs.dovecot}/users
}
userdb {
  driver = static
  args = uid=${account.numericUid} gid=${account.numericGid} home=${dirs.mail}/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service auth-worker {
  user = ${account.user}
}
`,
  )

  // Roundcube: its own config folder (ROUNDCUBE_CONFIG_DIR), Debian's defaults, SQLite database
  const database = join(root, 'roundcube.db')
  const db = createClient({ url: `file:${database}` })
  await db.executeMultiple(readFileSync(join(ROUNDCUBE, 'SQL', 'sqlite.initial.sql'), 'utf8'))
  db.close()
  for (const name of ['defaults.inc.php', 'mimetypes.php']) {
    symlinkSync(join(ROUNDCUBE, 'config', name), join(dirs.config, name))
  }
  writeFileSync(
    join(dirs.config, 'config.inc.php'),
    `<?php
$config = [];
$config['db_dsnw'] = ${php(`sqlite:///${database}?mode=0640`)};
$config['imap_host'] = ${php(`127.0.0.1:${imapPort}`)};
$config['smtp_host'] = ${php(`127.0.0.1:${smtpPort}`)};
$config['smtp_user'] = '';
$config['smtp_pass'] = '';
$config['mail_domain'] = 'so-tp.test';
$config['des_key'] = ${php(randomBytes(18).toString('base64'))};
$config['product_name'] = 'Hộp thư công vụ';
$config['support_url'] = '';
$config['plugins'] = [];
$config['skin'] = 'elastic';
$config['language'] = 'vi_VN';
$config['temp_dir'] = ${php(`${dirs.temp}/`)};
$config['log_dir'] = ${php(`${dirs.logs}/`)};
$config['login_rate_limit'] = 0;
$config['create_default_folders'] = true;
$config['enable_spellcheck'] = false;
$config['enable_installer'] = false;
$config['refresh_interval'] = 0;
`,
  )
  if (account.uid !== undefined) chownTree(root, account.numericUid, account.numericGid)

  const children: ChildProcess[] = []
  const output: Record<string, string> = { dovecot: '', php: '' }
  const launch = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own process group: PHP's workers and Dovecot's services are stopped with it
      detached: true,
      ...(account.uid !== undefined ? { uid: account.uid, gid: account.gid } : {}),
    })
    const keep = (chunk: Buffer) => {
      output[name] = `${output[name] ?? ''}${chunk.toString()}`.slice(-4000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    children.push(child)
    return child
  }
  const logOf = (name: string) => () => {
    const files = existsSync(dirs.logs) ? readdirSync(dirs.logs) : []
    const logs = files.map((f) => `${f}: ${readFileSync(join(dirs.logs, f), 'utf8').slice(-2000)}`)
    return [output[name] ?? '', ...logs].join('\n')
  }

  const delivered: SentMail[] = []
  /** a maildir message file, owned by the account Dovecot reads as */
  const deliverTo = (address: string, message: string) => {
    const box = join(dirs.mail, address)
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(box, sub), { recursive: true })
    const file = join(box, 'new', `${Date.now()}.${randomBytes(6).toString('hex')}.so-tp.test`)
    writeFileSync(file, message)
    if (account.uid !== undefined) chownTree(box, account.numericUid, account.numericGid)
  }
  const smtp = await startSmtp({
    port: smtpPort,
    deliver: (mail) => {
      delivered.push(mail)
      for (const to of mail.to) {
        if (mailboxes.some((m) => m.address === to)) deliverTo(to, mail.data)
      }
    },
  })

  const signalAll = (signal: NodeJS.Signals) => {
    for (const child of children) {
      if (child.pid === undefined) continue
      try {
        process.kill(-child.pid, signal)
      } catch {
        // the group is gone already
      }
    }
  }
  // a test run that ends without afterAll (an error, Ctrl+C) leaves no server behind
  const onExit = () => {
    signalAll('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
  process.once('exit', onExit)

  const close = async () => {
    process.off('exit', onExit)
    const exited = children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', () => resolve())
        }),
    )
    signalAll('SIGTERM')
    const timer = setTimeout(() => signalAll('SIGKILL'), 5000)
    await Promise.all(exited)
    clearTimeout(timer)
    // PHP's workers may outlive their parent by a moment
    signalAll('SIGKILL')
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
    rmSync(root, { recursive: true, force: true })
  }

  try {
    const dovecot = launch('dovecot', DOVECOT, ['-F', '-c', join(dirs.dovecot, 'dovecot.conf')])
    const server = launch(
      'php',
      PHP,
      [
        '-d',
        'upload_max_filesize=25M',
        '-d',
        'post_max_size=30M',
        '-d',
        'memory_limit=256M',
        '-d',
        'display_errors=0',
        // PHP's opcache creates its lock file at start-up, in /tmp by default: keep it (and every
        // temporary file) in this run's own folder, which the unprivileged account owns, so the
        // server starts whatever the machine's /tmp allows that account
        '-d',
        `opcache.lockfile_path=${dirs.temp}`,
        '-d',
        `sys_temp_dir=${dirs.temp}`,
        '-S',
        `127.0.0.1:${httpPort}`,
        '-t',
        join(ROUNDCUBE, 'public_html'),
      ],
      // several workers: Roundcube's page makes requests in parallel (upload, keep-alive)
      { ...process.env, ROUNDCUBE_CONFIG_DIR: dirs.config, PHP_CLI_SERVER_WORKERS: '4', TMPDIR: dirs.temp },
    )
    await waitForPort(imapPort, 'Dovecot', dovecot, logOf('dovecot'))
    await waitForPort(httpPort, 'PHP', server, logOf('php'))
  } catch (error) {
    await close()
    throw error
  }

  return {
    url: `http://127.0.0.1:${httpPort}`,
    /** messages Roundcube handed to SMTP, in order */
    delivered,
    /** puts a message straight into a mailbox (as if delivered earlier) */
    deliverTo,
    logs: () => logOf('php')(),
    close,
  }
}

export type Roundcube = Awaited<ReturnType<typeof startRoundcube>>
