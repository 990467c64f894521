#!/usr/bin/env python3
"""First real use, as a new user tries it: the real viewer in a real X window (its own Xvfb),
driven by synthetic X events (xdotool), read back through --ui-probe (the UI's state as JSON
after every frame). Each check names what a user would have seen go wrong."""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

VIEWER = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="jbt-ui-")
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


def start_xvfb():
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1400x820x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stderr=subprocess.DEVNULL)
    os.close(w)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(r, 16)
        if not chunk:
            break
        number += chunk
    os.close(r)
    return proc, ":" + number.decode().strip()


XVFB, DISPLAY = start_xvfb()
ENV = dict(os.environ, DISPLAY=DISPLAY, HOME=os.path.join(WORK, "home"))
os.makedirs(ENV["HOME"], exist_ok=True)


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], env=ENV, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Viewer:
    def __init__(self, *args, env=None):
        self.probe = os.path.join(WORK, "probe.json")
        if os.path.exists(self.probe):
            os.remove(self.probe)
        self.log = open(os.path.join(WORK, "viewer.log"), "a")
        self.proc = subprocess.Popen([VIEWER, "--ui-probe", self.probe, *args], env=env or ENV, stdout=self.log,
                                     stderr=self.log)
        self.window = None
        self.state = self.wait(lambda s: s.get("frame", 0) > 3, 60, "the window shows")
        self.place_window()

    def place_window(self):
        """Puts the (newest) window at the screen's corner: probe rectangles are window pixels."""
        for _ in range(100):
            out = subprocess.run(["xdotool", "search", "--class", "osgViewer"], env=ENV, capture_output=True,
                                 text=True).stdout.split()
            if out:
                if out[-1] != self.window:
                    self.window = out[-1]
                    xdo("windowmove", self.window, 0, 0)
                    time.sleep(0.5)
                return
            time.sleep(0.1)

    def read(self):
        try:
            with open(self.probe) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def wait(self, predicate, seconds, what):
        deadline = time.time() + seconds
        state = {}
        while time.time() < deadline:
            state = self.read()
            try:
                if state and predicate(state):
                    self.state = state
                    return state
            except (KeyError, IndexError, TypeError):
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        self.state = state
        return None

    def frames(self, n=3):
        start = self.read().get("frame", 0)
        self.wait(lambda s: s["frame"] >= start + n, 30, "frames")

    def click(self, rect_name, button=1):
        # A widget that just appeared may still move (a dialog centres itself once it knows its
        # size): wait until it stays put.
        rect = None
        for _ in range(50):
            state = self.wait(lambda s: rect_name in s.get("rects", {}), 20, rect_name)
            if not state:
                return False
            if state["rects"][rect_name] == rect:
                break
            rect = state["rects"][rect_name]
            self.frames(2)
        x, y, w, h = rect
        xdo("mousemove", int(x + w / 2), int(y + h / 2))
        self.frames(2)  # hover first, as a hand would
        xdo("click", button)
        self.frames(3)
        return True

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.kill()
            self.proc.wait()


def search_for(v, text, paste=False):
    xdo("key", "ctrl+a")
    if paste:
        subprocess.run(["xclip", "-selection", "clipboard", "-i"], input=text.encode(), env=ENV, check=True)
        xdo("key", "ctrl+v")
    else:
        xdo("type", "--delay", "5", text)  # faster than the frame rate: many keys per frame
    return v.wait(lambda s: s["texts"]["search"] == text, 30, "typed " + text)


def typing_and_shortcuts():
    project = os.path.join(WORK, "typing.json")
    v = Viewer("--project", project, "--autosave", "0")
    check(v.click("tab.1"), "the Search tab can be clicked")
    check(v.click("search.field"), "the search field can be clicked")
    typed = "a_B-\"Hong'en Temple\""
    xdo("type", "--delay", "5", typed)
    got = v.wait(lambda s: s["texts"]["search"] == typed, 30, "typed")
    check(got is not None, "typing %s with Shift gives exactly that (got %r)" % (typed, v.state.get("texts", {}).get("search")))
    for query in ["Hong'en Temple", "hongensi", "hong en"]:
        s = search_for(v, query)
        check(s is not None and "hongensi" in s["texts"]["search.hits"].split(), "search '%s' finds 鸿恩寺" % query)
    s = search_for(v, "鸿恩寺", paste=True)
    check(s is not None and "hongensi" in s["texts"]["search.hits"].split(), "pasting 鸿恩寺 (Ctrl+V) finds it")
    # Esc in the 3D view: the program stays.
    view = v.state["view"]
    xdo("mousemove", int(view[0] + view[2] / 2), int(view[1] + view[3] / 2))
    v.frames(2)
    xdo("key", "Escape")
    xdo("key", "Escape")
    time.sleep(1.5)
    check(v.alive(), "Esc in the main view leaves the program running")
    # Ctrl+S writes the project.
    xdo("key", "ctrl+s")
    deadline = time.time() + 15
    while time.time() < deadline and not os.path.exists(project):
        time.sleep(0.2)
    ok = os.path.exists(project) and json.load(open(project)).get("format") == "jiangbei-twin-project"
    check(ok, "Ctrl+S writes the project file")
    v.stop()


def input_method():
    """Chinese typed as pinyin through an X input method (uim's pinyin over XIM, as fcitx or
    ibus would be reached): the committed 汉字 land in the field."""
    loc = os.path.join(WORK, "locale")
    os.makedirs(loc, exist_ok=True)
    subprocess.run(["localedef", "-i", "zh_CN", "-f", "UTF-8", os.path.join(loc, "zh_CN.UTF-8")], check=True)
    env = dict(ENV, LANG="zh_CN.UTF-8", LOCPATH=loc, XMODIFIERS="@im=uim", JBT_DEBUG_INPUT="1")
    im = subprocess.Popen(["uim-xim", "--engine=py"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while time.time() < deadline:
        out = subprocess.run(["xprop", "-root", "XIM_SERVERS"], env=env, capture_output=True, text=True).stdout
        if "@server=uim" in out:
            break
        time.sleep(0.2)
    v = Viewer("--autosave", "0", env=env)
    try:
        check(v.click("tab.1") and v.click("search.field"), "the search field can be clicked")
        xdo("key", "shift+space")  # the input method on
        # The switch travels through the XIM server and back: under load, keys typed at once
        # can arrive before it takes effect (seen: "ji" typed raw, then 盎 for "ang").
        time.sleep(1.0)
        for syllable in ["jiang", "bei"]:
            # uim's pinyin lists 将 讲 江 … and 被 备 北 …: the second space moves to the third.
            xdo("type", "--delay", "40", syllable)
            xdo("key", "--delay", "40", "space", "space", "Return")
        got = v.wait(lambda s: s["texts"]["search"] == "江北", 30, "typed 江北")
        check(got is not None, "pinyin jiang bei through the input method types 江北 (got %r)" %
              v.state.get("texts", {}).get("search"))
        check(got is not None and "jiangbeizui" in got["texts"]["search.hits"].split(), "and the search finds 江北嘴")
        xdo("key", "shift+space")  # off again: plain keys pass through
        time.sleep(1.0)
        xdo("type", "--delay", "40", "zui")
        got = v.wait(lambda s: s["texts"]["search"] == "江北zui", 30, "typed zui")
        check(got is not None, "with the input method off, keys type as before (got %r)" %
              v.state.get("texts", {}).get("search"))
    finally:
        v.stop()
        im.kill()
        im.wait()


def lifecycle():
    project = os.path.join(WORK, "city.json")
    v = Viewer("--project", project, "--autosave", "0")
    xdo("key", "ctrl+s")
    v.wait(lambda s: os.path.exists(project) and not s["project"]["dirty"], 20, "saved")
    check(v.click("layer.visible.1"), "a layer's checkbox can be clicked")
    s = v.wait(lambda s: s["project"]["dirty"] and not s["layers"][1]["visible"], 20, "dirty")
    check(s is not None, "hiding a layer marks the project as changed")
    xdo("key", "ctrl+q")
    s = v.wait(lambda s: s["texts"].get("dialog") == "unsaved", 20, "asks")
    check(s is not None and v.alive(), "quitting with unsaved changes asks first")
    check(v.click("dialog.save"), "the dialog's Save can be clicked")
    try:
        v.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    check(v.proc.returncode == 0, "Save then quit ends the program with exit 0 (got %s)" % v.proc.returncode)
    v = Viewer("--project", project, "--autosave", "0")
    s = v.wait(lambda s: len(s["layers"]) > 1, 20, "reopened")
    check(s is not None and not s["layers"][1]["visible"] and not s["project"]["dirty"],
          "reopened, the layer is still hidden and nothing is unsaved")
    v.stop()

    # kill -9 in the middle of work: the autosave is offered on the next start and restores it.
    v = Viewer("--project", project, "--autosave", "1")
    v.click("layer.visible.0")
    autosave = project + ".autosave"
    deadline = time.time() + 20
    while time.time() < deadline and not os.path.exists(autosave):
        time.sleep(0.2)
    check(os.path.exists(autosave), "an autosave appears beside the project")
    os.kill(v.proc.pid, signal.SIGKILL)
    v.proc.wait()
    v = Viewer("--project", project, "--autosave", "0")
    s = v.wait(lambda s: s["texts"].get("dialog") == "restore", 20, "offered")
    check(s is not None, "after kill -9 the next start offers the autosave")
    v.click("dialog.restore")
    time.sleep(2)
    v.place_window()
    s = v.wait(lambda s: len(s["layers"]) > 1 and not s["layers"][0]["visible"] and s["project"]["dirty"], 60, "restored")
    check(s is not None, "Restore brings back the hidden layer, marked unsaved")
    v.stop()


def camera():
    v = Viewer("--autosave", "0")
    view = v.state["view"]
    cx, cy = int(view[0] + view[2] / 2), int(view[1] + view[3] / 2)
    # A double-click flies to the point: half as far, looking at it.
    before = v.read()["camera"]
    xdo("mousemove", cx - 150, cy - 40)
    v.frames(2)
    xdo("click", "--repeat", 2, "--delay", 60, 1)
    s = v.wait(lambda s: abs(s["camera"]["range"] - before["range"] / 2) < before["range"] * 0.02, 20, "flown")
    after = v.read()["camera"]
    check(s is not None and abs(s["camera"]["center"][0] - before["center"][0]) > 100,
          "a double-click flies to the point clicked (range %.0f -> %.0f m, centre x %.0f -> %.0f)" %
          (before["range"], after["range"], before["center"][0], after["center"][0]))
    below = 0
    for i in range(50):  # drag upwards, past the horizon
        xdo("mousemove", cx, cy + 150)
        xdo("mousedown", 1)
        for step in range(1, 4):
            xdo("mousemove", cx, cy + 150 - step * 100)
            time.sleep(0.02)
        xdo("mouseup", 1)
        if i % 10 == 9:
            v.frames(2)
            c = v.read()["camera"]
            below += c["eye"][2] < c["ground_at_eye"]
    v.frames(3)
    c = v.read()["camera"]
    check(below == 0 and c["eye"][2] >= c["ground_at_eye"], "50 drags past the horizon: the eye stays above the ground")
    xdo("mousemove", cx, cy)
    xdo("click", "--repeat", 200, "--delay", 5, 5)  # wheel down: out, as on web maps
    v.frames(5)
    c = v.read()["camera"]
    check(abs(c["range"] - c["max_range"]) <= 1, "200 notches out: out to the whole scene (%.0f m) and no further (got %.0f)" % (c["max_range"], c["range"]))
    xdo("click", "--repeat", 200, "--delay", 5, 4)  # and all the way in
    v.frames(5)
    c = v.read()["camera"]
    check(c["range"] >= c["min_range"] * 0.999 and c["eye"][2] >= c["ground_at_eye"],
          "200 notches in: street level, not below it (range %.1f m)" % c["range"])
    v.stop()


try:
    for name in sys.argv[2:] or ["typing_and_shortcuts", "input_method", "lifecycle", "camera"]:
        print("--", name, flush=True)
        globals()[name]()
finally:
    XVFB.terminate()
    if FAILURES:
        print(open(os.path.join(WORK, "viewer.log")).read()[-3000:])
    shutil.rmtree(WORK, ignore_errors=True)
print("%d failed" % len(FAILURES))
sys.exit(1 if FAILURES else 0)
