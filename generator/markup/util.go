package markup

import (
	"github.com/yuin/goldmark/parser"
	gutil "github.com/yuin/goldmark/util"
)

// util wraps goldmark's prioritized value for a transformer.
type util struct {
	Value    parser.ASTTransformer
	Priority int
}

func (u util) pair() gutil.PrioritizedValue {
	return gutil.Prioritized(u.Value, u.Priority)
}
