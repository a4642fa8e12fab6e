"""Figures that show an exercise: a stick figure's key poses, posed and moved without Qt."""
