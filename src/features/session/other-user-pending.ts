/** Signing in as someone else would bury another person's unsent work. */
export class OtherUserPendingError extends Error {
  constructor(readonly owner: string) {
    super('other_user_pending');
  }
}
