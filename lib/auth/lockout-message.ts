// Shared by the server (which throws and answers with these) and the sign-in and sign-up forms
// (which show them): no server imports here.

/** Said the same way whether the account exists or not, so a lockout reveals nothing. */
export const LOCKED_OUT_MESSAGE = "Too many attempts. Wait 15 minutes and try again.";
/** What authorize() throws; next-auth passes an error's message to the client as `error`. */
export const SIGN_IN_RATE_LIMITED = "RateLimited";
