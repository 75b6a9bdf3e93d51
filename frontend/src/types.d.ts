// highlight.js publishes no typings for its "lib/core" entry; it is the same API.
declare module "highlight.js/lib/core" {
  import hljs from "highlight.js";
  export default hljs;
}
