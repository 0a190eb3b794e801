package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// refuseStrays makes every command group of the tree refuse what it does not know: cobra
// checks the subcommand only at the root, and a group without a RunE of its own prints its help
// and exits 0 for `sanctions rules tset`, so a CI step with a typo would pass. Each group gets
// Args that name the unknown command with cobra's suggestions (exit 2), and a RunE that prints
// its help when given nothing. Run once, after the whole tree is built.
func refuseStrays(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		refuseStrays(sub)
	}
	if !cmd.HasSubCommands() || cmd.Runnable() {
		return
	}
	if cmd.Args == nil {
		cmd.Args = unknownCommand
	}
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
}

// unknownCommand refuses any argument to a command group: it can only be a mistyped
// subcommand.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, set only where it suggests
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		for i := range s {
			s[i] = fmt.Sprintf("%q", s[i])
		}
		return fmt.Errorf("%s; did you mean %s?", msg, strings.Join(s, " or "))
	}
	return fmt.Errorf("%s; see '%s --help'", msg, cmd.CommandPath())
}

// needInputs is check's Args: at least one path, and a message that says what to give.
func needInputs(_ *cobra.Command, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("check needs inputs: give files, directories or - for standard input")
	}
	return nil
}
