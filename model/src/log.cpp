#include "model/log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <memory>

namespace jbt {
namespace {

// "warning: " / "error: " before the text; nothing for notes, which read as plain sentences.
class LevelPrefix : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
        const char* prefix = msg.level >= spdlog::level::err    ? "error: "
                             : msg.level == spdlog::level::warn ? "warning: "
                             : msg.level <= spdlog::level::debug ? "debug: "
                                                                 : "";
        dest.append(prefix, prefix + std::char_traits<char>::length(prefix));
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<LevelPrefix>(); }
};

}  // namespace

void initLogging(const std::string& program, Verbosity verbosity) {
    auto logger = std::make_shared<spdlog::logger>(program, std::make_shared<spdlog::sinks::stderr_sink_mt>());
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<LevelPrefix>('*').set_pattern("%n: %*%v");
    logger->set_formatter(std::move(formatter));
    logger->set_level(verbosity == Verbosity::Quiet     ? spdlog::level::err
                      : verbosity == Verbosity::Verbose ? spdlog::level::debug
                                                        : spdlog::level::info);
    logger->flush_on(spdlog::level::trace);  // every line at once: tests and users read stderr live
    spdlog::set_default_logger(logger);
}

}  // namespace jbt
