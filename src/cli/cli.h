#ifndef BIANMIN_CLI_H
#define BIANMIN_CLI_H
/* The command line: parses argv, calls core, prints.  Returns the exit
 * status (0 ok, 1 bad input or failure, 2 usage). */
int cli_main(int argc, char **argv);
#endif
