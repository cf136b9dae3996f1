// The views pick their wording with the domain's own `tr`: one function for every French/English choice.
export { tr } from "../../domain/locale.js";
