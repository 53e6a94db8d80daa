// `gateway logout`: forgets the stored credentials. (The session itself is
// revoked from Settings; a forgotten refresh token is never used again.)
import { credentialsFile, deleteCredentials } from "../config";

export async function logout(): Promise<number> {
  const removed = deleteCredentials();
  process.stdout.write(removed ? `Signed out (removed ${credentialsFile()}).\n` : "Not signed in.\n");
  return 0;
}
