package report

import (
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
)

// Tee is a Sink that passes every verdict and problem to each of its sinks in turn: one check
// run feeding several reports (check --output sarif=a.sarif --output html=b.html). The first
// error stops it. The sinks share each verdict's slices, so none may change them.
type Tee []Sink

// Verdict passes v to every sink.
func (t Tee) Verdict(v evaluator.Verdict) error {
	for _, s := range t {
		if err := s.Verdict(v); err != nil {
			return err
		}
	}
	return nil
}

// Error passes p to every sink.
func (t Tee) Error(p *diag.Problem) error {
	for _, s := range t {
		if err := s.Error(p); err != nil {
			return err
		}
	}
	return nil
}
