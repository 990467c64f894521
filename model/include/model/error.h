#pragma once
// The one way to fail (docs/architecture.md): an operation that cannot do what it was asked
// throws jbt::Error, whose text names the file or source, the feature where there is one, and
// the reason. Problems with single features that leave the rest usable are not failures: they
// are counted in the layer's report. Whoever must carry on (each layer, each feed, every worker
// thread, main) catches, reports and keeps what it had.
#include <stdexcept>
#include <string>

namespace jbt {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace jbt
