package junit

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSeconds(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0.000"},
		{1500 * time.Millisecond, "1.500"},
		{42 * time.Microsecond, "0.000"},
	} {
		if got := Seconds(tc.d); got != tc.want {
			t.Errorf("Seconds(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// TestTimeOnlyWhenMeasured: a suite or case without a time has no time attribute.
func TestTimeOnlyWhenMeasured(t *testing.T) {
	d := Suites{Name: "x"}
	d.Add(Suite{Name: "a", Time: "0.250", Cases: []Case{{Name: "r", ClassName: "e"}}})
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), `time=`); got != 1 || !strings.Contains(buf.String(), `<testsuite name="a" tests="1" failures="0" errors="0" time="0.250">`) {
		t.Errorf("%d time attributes in\n%s", got, buf.String())
	}
}
