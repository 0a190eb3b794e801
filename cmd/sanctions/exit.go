package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit statuses (docs/findings.md).
const (
	exitOK       = 0 // no finding at or above --fail-on, no error
	exitFindings = 1 // findings at or above --fail-on, no error
	exitError    = 2 // bad usage, invalid input, a rule that fails
)

// exitError carries an exit status up to main; commands never call os.Exit.
type statusError struct {
	code int
	err  error // printed to stderr when not nil
}

func (e *statusError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *statusError) Unwrap() error { return e.err }

// withStatus ends a command with a status, printing err (if any) to stderr.
func withStatus(code int, err error) error { return &statusError{code: code, err: err} }

// exitCode turns a command's error into an exit status; plain errors are usage or set-up errors.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var se *statusError
	if errors.As(err, &se) {
		if se.err != nil {
			fmt.Fprintln(stderr, "sanctions:", se.err)
		}
		return se.code
	}
	fmt.Fprintln(stderr, "sanctions:", err)
	return exitError
}
