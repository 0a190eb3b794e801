package ruledoc

import (
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// TestSpanInForce: a rule's periods, merged where one ends the day before the next begins, with
// the gaps shown (Iran's arms export rule: 1747 until Implementation Day, 2231 Annex B until
// 17 October 2020, nothing, then the restored 1747 from 28 September 2025).
func TestSpanInForce(t *testing.T) {
	c := func(from, until string) evaluator.Citation { return evaluator.Citation{InForce: from, Until: until} }
	tests := []struct {
		name  string
		cites []evaluator.Citation
		want  string
	}{
		{"one, open", []evaluator.Citation{c("2006-10-14", "")}, "from 2006-10-14"},
		{"nested in an open one", []evaluator.Citation{c("2009-06-12", ""), c("2006-10-14", "")}, "from 2006-10-14"},
		{"consecutive, then a gap", []evaluator.Citation{c("2025-09-28", ""), c("2016-01-16", "2020-10-17"), c("2007-03-24", "2016-01-15")},
			"2007-03-24 to 2020-10-17; from 2025-09-28"},
		{"a gap of one day", []evaluator.Citation{c("2010-01-01", "2010-01-31"), c("2010-02-02", "")}, "2010-01-01 to 2010-01-31; from 2010-02-02"},
		{"overlapping", []evaluator.Citation{c("2010-01-01", "2010-06-30"), c("2010-03-01", "2010-04-30")}, "2010-01-01 to 2010-06-30"},
		{"across a month's end", []evaluator.Citation{c("2015-04-14", "2022-02-27"), c("2022-02-28", "")}, "from 2015-04-14"},
	}
	for _, tt := range tests {
		if got := spanInForce(tt.cites); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
