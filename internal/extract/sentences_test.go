package extract_test

import (
	"slices"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/extract"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

func TestSentences(t *testing.T) {
	lx, err := extract.NewLexicon(testrules.Library(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"Russia fired missiles on Dec. 30 and Jan. 2. Both denied it.", []string{"Russia fired missiles on Dec. 30 and Jan. 2.", "Both denied it."}},
		{"The U.S. said so. Gen. Kim left.", []string{"The U.S. said so.", "Gen. Kim left."}},
		{`"We agree," he said. It cost $5.2 million.`, []string{`"We agree," he said.`, "It cost $5.2 million."}},
		{"He met J. Smith in Seoul. Then he left!", []string{"He met J. Smith in Seoul.", "Then he left!"}},
	}
	for _, tt := range tests {
		if got := lx.Sentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
