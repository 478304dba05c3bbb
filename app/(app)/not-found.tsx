/** The same 404 card, here inside the app's layout (navigation, language, sign-out). */
export { default } from "../not-found";
