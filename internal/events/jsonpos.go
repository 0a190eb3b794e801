package events

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// locateJSON returns the byte offset of the value at path in the JSON text data (or of its key,
// when key is set), or of the deepest value on the way that exists. It is used only to place
// error messages, so it re-reads the text rather than keep offsets for every value.
func locateJSON(data []byte, path []string, key bool) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	best := skipJSONSpace(data, 0)
	for depth := 0; ; depth++ {
		if depth == len(path) {
			return best
		}
		tok, err := dec.Token()
		if err != nil {
			return best
		}
		delim, ok := tok.(json.Delim)
		if !ok {
			return best
		}
		step := path[depth]
		found := false
		switch delim {
		case '{':
			for dec.More() {
				keyAt := skipJSONSpace(data, int(dec.InputOffset()))
				k, err := dec.Token()
				if err != nil {
					return best
				}
				if s, _ := k.(string); s == step {
					if key && depth == len(path)-1 {
						return keyAt
					}
					best = skipJSONSpace(data, int(dec.InputOffset()))
					found = true
					break
				}
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return best
				}
			}
		case '[':
			want, err := strconv.Atoi(step)
			if err != nil {
				return best
			}
			for i := 0; dec.More(); i++ {
				at := skipJSONSpace(data, int(dec.InputOffset()))
				if i == want {
					best = at
					found = true
					break
				}
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return best
				}
			}
		}
		if !found {
			return best
		}
	}
}

// skipJSONSpace moves past whitespace and the separators that InputOffset leaves before a value.
func skipJSONSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
		default:
			return i
		}
	}
	return i
}

// lineCol converts a byte offset in data to a 1-based line and column (in bytes).
func lineCol(data []byte, offset int) (line, col int) {
	if offset > len(data) {
		offset = len(data)
	}
	line = 1 + bytes.Count(data[:offset], []byte{'\n'})
	start := bytes.LastIndexByte(data[:offset], '\n') + 1
	return line, offset - start + 1
}
