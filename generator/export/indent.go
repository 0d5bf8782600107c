package export

// indent appends src, JSON as json.Marshal writes it (no blanks outside
// strings), to dst, indented as json.MarshalIndent(v, "", "  ") indents
// it: each element on a line of its own, two spaces a level, ": " after
// a key, empty objects and arrays as {} and []. json.Indent does the same
// for any JSON, checking it byte by byte as it goes, which took half the
// time of making a journey's JSON download; what json.Marshal wrote needs
// no checking.
func indent(dst, src []byte) []byte {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				i++
				dst = append(dst, src[i])
				continue
			}
			depth++
			dst = newline(dst, depth)
		case '}', ']':
			depth--
			dst = append(newline(dst, depth), c)
		case ',':
			dst = newline(append(dst, c), depth)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd is the index just past the JSON string that starts with the
// quote at src[start].
func stringEnd(src []byte, start int) int {
	for i := start + 1; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++ // the escaped byte: \" and \\ included
		case '"':
			return i + 1
		}
	}
	return len(src)
}

func newline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
