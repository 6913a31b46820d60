"""Builds digestkit._core with the project's CMake for `pip install .`
(metadata: pyproject.toml). The extension is the CMake target
digestkit_python, configured for the interpreter running pip."""

import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            f"-DPython3_EXECUTABLE={sys.executable}",
            "-DDIGESTKIT_PYTHON=ON",
            "-DDIGESTKIT_BUILD_TESTS=OFF",
            "-DDIGESTKIT_BUILD_BENCH=OFF",
        ]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        configure += os.environ.get("DIGESTKIT_CMAKE_ARGS", "").split()
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "digestkit_python",
                        "-j", os.environ.get("JOBS", "2")], check=True)
        built = next((build_dir / "python" / "digestkit").glob("_core*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(ext_modules=[Extension("digestkit._core", sources=[])], cmdclass={"build_ext": CMakeBuild})
