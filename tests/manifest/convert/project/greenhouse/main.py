import greenhouse
