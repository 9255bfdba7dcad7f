"""govform: the 政府信息公开工作年度报告, as data, checked and typeset."""

__version__ = "0.1.0"
APP_NAME = "govform"
APP_DISPLAY_NAME = "政府信息公开年报助手"
