/**
 * The suite's temporary folders (test/helpers.ts tempDir, and what csr, git, Chromium and LibreOffice
 * make under os.tmpdir()) go to memory, when the machine has a tmpfs at /dev/shm with room to spare:
 * the suite writes tens of thousands of small files and csr makes every write durable (fsync), which
 * on a disk costs system CPU and waits. The repositories stay real folders and real git repositories;
 * only where they live changes. A folder of this run's own, removed when the run ends. Tests that need
 * a folder on the disk of the project (test/ci/pack.test.ts links node_modules into one) find the
 * usual temporary folder in CSR_TEST_DISK_TMPDIR.
 */
import { mkdtempSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SHM = "/dev/shm";
const TMPFS_MAGIC = 0x01021994;
/** At least this much free: a whole run needs a few hundred megabytes at most; a container's default /dev/shm of 64 MB is left alone. */
const ROOM = 2 * 1024 ** 3;

function memoryFolder(): string | undefined {
  try {
    const fs = statfsSync(SHM);
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < ROOM) return undefined;
    return mkdtempSync(join(SHM, "csr-test-"));
  } catch {
    return undefined;
  }
}

export default function setup(): () => void {
  process.env.CSR_TEST_DISK_TMPDIR ??= tmpdir();
  // Node reads and parses the certificates NODE_EXTRA_CA_CERTS names as it starts, whether or not
  // the process opens a TLS connection (no test does): 40 ms of CPU per Node process where it is set
  // (test/helpers.ts csrEnv). The test workers, and every process they start, inherit this
  // environment: csr run by a git hook, npm and npx in test/ci/pack.test.ts, node itself.
  delete process.env.NODE_EXTRA_CA_CERTS;
  if (process.env.CSR_TEST_TMPFS === "0") return () => {};
  const folder = memoryFolder();
  if (!folder) return () => {};
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
}
