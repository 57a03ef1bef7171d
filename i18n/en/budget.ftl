# Time and memory budgets (src/budget.rs).

budget-timeout =
    error: rendering took longer than { $seconds } s, the time limit, while rendering { $what }; a template or form that loops for ever is the usual cause
      help: fix the template or form named above, or raise the limit with `--time-limit SECONDS` if the contest is really that large; { $then }
budget-memory =
    error: jingsai stopped: rendering needed more than { $mib } MiB of memory, the memory limit; a template or form that loops, or an input far larger than any contest needs, is the usual cause
      help: fix the template, form or input you changed last, or raise the limit with `--memory-limit MIB`; nothing was written
