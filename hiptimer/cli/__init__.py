"""hiptimer/cli"""
