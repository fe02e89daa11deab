// Handlebars's runtime on its own (handlebarsRuntime in environment.ts): the package's runtime.d.ts
// declares nothing; its types are the full package's (the compiler's members are absent at run time).
declare module "handlebars/runtime.js" {
  import type Handlebars from "handlebars";
  const runtime: typeof Handlebars;
  export default runtime;
}
