# The website's templates (src/site/): Tera's own words stay as Tera says them ({ $reason }).

site-cannot-render = cannot render `{ $path }`: { $reason }
site-render-failed = cannot render `{ $path }` with the template `{ $template }`:
    { $error }
site-render-failed-help = fix the template, or delete its override in `templates/` to use the built-in one
site-not-utf8 = the template is not UTF-8 text
site-not-utf8-help = save the file as UTF-8
site-template-problem = a template in `{ $dir }` (or a built-in one it extends) has a problem:
    { $error }
site-template-problem-help = fix the template named above; delete the override to go back to the built-in one
site-syntax-help = values are written `{"{{"} name {"}}"}` and tags `{"{%"} if … {"%}"}`, `{"{%"} for … {"%}"}`, `{"{%"} block … {"%}"}`, each closed by its `{"{%"} endif {"%}"}`, `{"{%"} endfor {"%}"}`, `{"{%"} endblock {"%}"}`: check the braces and tags here; delete the file to go back to the built-in template
site-render-help = check the names used here against the data the page receives (the built-in template in src/site/builtin/ shows them); delete the file to go back to the built-in template
site-unknown-help = use only the filters, tests and functions Tera 2 has (see https://keats.github.io/tera/docs/), and only templates and blocks that exist; delete the file to go back to the built-in template
site-missing-parent = the template `{ $parent }` it extends does not exist
site-missing-parent-help = extend one of the templates listed in templates/README.md, or add `templates/{ $parent }`
site-never-closed = `{"{%"} { $tag } {"%}"}` is never closed
site-opened-here = opened here
site-never-closed-help = add `{"{%"} end{ $tag } {"%}"}` where the { $tag } block ends (every `{"{%"} { $tag } … {"%}"}` needs its `{"{%"} end{ $tag } {"%}"}`)
site-wrong-end = `{"{%"} { $word } {"%}"}` cannot close the `{"{%"} { $tag } {"%}"}` still open from line { $line }
site-wrong-end-help = close the { $tag } block first with `{"{%"} end{ $tag } {"%}"}`, or remove this end tag
site-stray-end = `{"{%"} { $word } {"%}"}` closes no open block
site-stray-end-help = remove it, or add the tag that opens its block before it
site-doing-page = the page `{ $path }` with the template `{ $template }`
