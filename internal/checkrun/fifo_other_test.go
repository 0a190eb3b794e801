//go:build !unix

package checkrun_test

import "errors"

func mkfifo(string) error { return errors.New("named pipes need a Unix system") }
